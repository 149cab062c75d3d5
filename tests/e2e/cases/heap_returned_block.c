/* A function that returns a new malloc'd work array, differentiated itself:
 * `double *copy_scaled(const double *x, int n, double s)`. Tangent: the block's tangent comes
 * back through copy_scaled_d (a block the caller frees with the result); vector tangent
 * likewise with W directions per element; adjoint: `len(return: n)` gives the seed's length,
 * copy_scaled_b holds the seed of each returned element, and the result is a copy of the
 * block the caller frees (the backward sweep freed the block and its shadow). FD and the
 * dot-product test over the packed inputs (x, s); ASan finds any block left unfreed. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x, s), len(x: n, return: n), modes(tangent, tangent_vector, adjoint), vector(2))
double *copy_scaled(const double *x, int n, double s)
{
    double *y = malloc(n * sizeof(double));
    if (!y)
        return 0;
    for (int i = 0; i < n; i++)
        y[i] = s * x[i] * sin(x[(i + 1) % n]);
    return y;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4

double *copy_scaled_tangent(const double *x, const double *x_d, int n, double s, double s_d, double **f_d);
double *copy_scaled_tangent_vector(const double *x, const double (*x_d)[2], int n, double s, const double *s_d,
                                   double (**f_d)[2]);
double *copy_scaled_adjoint(const double *x, double *x_b, int n, double s, double *s_b, const double *f_b);

static void primal(const double *in, double *out, void *p) {
    (void)p;
    double *y = copy_scaled(in, N, in[N]);
    for (int i = 0; i < N; i++)
        out[i] = y[i];
    free(y);
}

static void tangent(const double *in, const double *v, double *out, double *jv, void *p) {
    (void)p;
    double *y_d = 0;
    double *y = copy_scaled_tangent(in, v, N, in[N], v[N], &y_d);
    for (int i = 0; i < N; i++) {
        out[i] = y[i];
        jv[i] = y_d[i];
    }
    free(y_d);
    free(y);
}

static void adjoint(const double *in, const double *w, double *jtw, void *p) {
    (void)p;
    double y0[N];
    primal(in, y0, NULL);
    double *y = copy_scaled_adjoint(in, jtw, N, in[N], &jtw[N], w);
    e2e_expect_close("copy_scaled", "block returned by the adjoint", y, y0, N, 0.0);
    free(y);
}

int main(void) {
    e2e_begin("heap_returned_block");
    double in[N + 1] = {0.3, -0.8, 1.1, 0.6, 1.7};
    e2e_vector c = {.label = "copy_scaled", .n = N + 1, .m = N, .x = in, .f = primal, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_vector(&c);
    /* vector tangent: two directions at once, each equal to the scalar tangent */
    double dirs[N][2], s_dirs[2] = {0.5, -1.0}, v0[N + 1], v1[N + 1], y0[N], jv0[N], jv1[N];
    e2e_fill(v0, N + 1, 3u, -1.0, 1.0);
    e2e_fill(v1, N + 1, 5u, -1.0, 1.0);
    v0[N] = s_dirs[0];
    v1[N] = s_dirs[1];
    for (int i = 0; i < N; i++) {
        dirs[i][0] = v0[i];
        dirs[i][1] = v1[i];
    }
    tangent(in, v0, y0, jv0, NULL);
    tangent(in, v1, y0, jv1, NULL);
    double (*y_dv)[2] = 0;
    double *y = copy_scaled_tangent_vector(in, (const double (*)[2])dirs, N, in[N], s_dirs, &y_dv);
    double got0[N], got1[N];
    for (int i = 0; i < N; i++) {
        got0[i] = y_dv[i][0];
        got1[i] = y_dv[i][1];
    }
    e2e_expect_close("copy_scaled", "vector tangent direction 0 = tangent", got0, jv0, N, 1e-14);
    e2e_expect_close("copy_scaled", "vector tangent direction 1 = tangent", got1, jv1, N, 1e-14);
    free(y_dv);
    free(y);
    return e2e_finish();
}
#endif
