/* Driver of linpack_lu.c: A (n x n, diagonally weighted so the pivots are well defined but
 * still exchanged) and b packed into one vector; gradient of c . A^{-1} b. */
#include <string.h>
#include "realworld.h"

double lu_objective(int n, double *a, double *b, const double *c);
double lu_objective_grad(int n, double *a, double *b, const double *c, double *a_grad, double *b_grad);
double lu_objective_tangent(int n, double *a, double *a_d, double *b, double *b_d, const double *c,
                            double *lu_objective_d);

enum { N = 12, NX = N * N + N };

typedef struct lu_ctx {
    double c[N];
} lu_ctx;

static double f(const double *x, void *ctx) {
    double w[NX];
    memcpy(w, x, sizeof w);
    return lu_objective(N, w, w + N * N, ((lu_ctx *)ctx)->c);
}

static double grad(const double *x, double *g, void *ctx) {
    double w[NX];
    memcpy(w, x, sizeof w);
    return lu_objective_grad(N, w, w + N * N, ((lu_ctx *)ctx)->c, g, g + N * N);
}

static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    double w[NX], wd[NX];
    memcpy(w, x, sizeof w);
    memcpy(wd, v, sizeof wd);
    return lu_objective_tangent(N, w, wd, w + N * N, wd + N * N, ((lu_ctx *)ctx)->c, dv);
}

int main(void) {
    static double x[NX];
    lu_ctx ctx;
    for (int j = 0; j < N; j++) {
        for (int i = 0; i < N; i++)
            x[N * j + i] = sin(1.0 + i * 0.37 + j * 1.91) + (i == (j + 3) % N ? 2.5 : 0.0);
        x[N * N + j] = cos(0.3 * j);
        ctx.c[j] = 1.0 + 0.1 * j;
    }
    rw_problem p = {"linpack_lu", NX, x, f, grad, tangent, &ctx, 0};
    return rw_run(&p);
}
