/* A heap struct ending in a flexible array member (`struct series { int n; double scale;
 * double c[]; }`, malloc(sizeof *s + n * sizeof(double))) in the vector tangent mode: its
 * shadow, struct series_d3, holds 3 doubles per element of c, so it needs 3 times the bytes of
 * the primal's elements, not as many shadow structs as the block holds structs (once it got
 * sizeof *s + n * 8 bytes: the vector tangent wrote past it, into the block allocated next). A
 * helper takes the struct. Vector tangent against the scalar tangent along each direction,
 * scalar tangent against FD, the dot-product test and the gradient. */
#include <stdlib.h>
#include <adc.h>

struct series {
    int n;
    double scale;
    double c[];
};

static double horner(const struct series *s, double t)
{
    double p = 0.0;
    for (int i = s->n - 1; i >= 0; i--)
        p = p * t + s->c[i];
    return s->scale * p;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, grad), vector(3))
double series_sum(int n, const double *x)
{
    struct series *s = malloc(sizeof *s + n * sizeof(double));
    double *w = malloc(n * sizeof *w);
    s->n = n;
    s->scale = x[0] * x[1];
    for (int i = 0; i < n; i++) {
        s->c[i] = x[i] * x[i];
        w[i] = 1.0 + x[i];
    }
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += w[i] * horner(s, 0.5 + 0.1 * x[i]);
    free(w);
    free(s);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double series_sum_tangent(int n, const double *x, const double *x_d, double *series_sum_d);
double series_sum_tangent_vector(int n, const double *x, const double (*x_d)[3], double *series_sum_d);
double series_sum_grad(int n, const double *x, double *x_grad);

enum { N = 24 };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return series_sum(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return series_sum_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return series_sum_tangent(N, x, v, dv);
}

int main(void) {
    e2e_begin("vector_flexible_array");
    double x[N];
    e2e_fill(x, N, 7u, -0.8, 0.8);
    e2e_scalar c = {.label = "series_sum", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent};
    double g[N];
    e2e_run_scalar(&c, g);
    double dirs[3][N], dv[N][3], along[3], all[3];
    for (int k = 0; k < 3; k++) {
        e2e_fill(dirs[k], N, 60u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++)
            dv[i][k] = dirs[k][i];
    }
    double fv = series_sum_tangent_vector(N, x, (const double (*)[3])dv, all);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "three directions against the tangent along each", all, along, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
