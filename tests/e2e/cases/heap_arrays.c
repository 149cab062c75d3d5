/* Heap memory holding active values: malloc'd, calloc'd and aligned_alloc'd double arrays,
 * a block allocated and freed on every trip of a loop (its pointer reassigned: the backward
 * sweep needs each trip's block), a block overwritten in place (its old values taped), an
 * inactive malloc'd table of coefficients, and a helper returning a new malloc'd array that
 * the caller frees (`double *scaled(...)`). Each shadow block is allocated with its block and
 * freed with it (tangent) or in the backward sweep (reverse); the suite runs under ASan, which
 * finds any leak or use after free. Checked against finite differences, the dot-product test
 * and the vector tangent against scalar tangents. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static double *scaled(int n, const double *x, double a)
{
    double *y = (double *)malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        y[i] = a * sin(x[i]) + x[(i + 1) % n];
    return y;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad), vector(3))
double heap_arrays(int n, const double *x)
{
    double *coef = malloc(n * sizeof *coef); /* inactive */
    double *p = calloc(n, sizeof(double));
    double *q = aligned_alloc(64, 64 * sizeof(double));
    for (int i = 0; i < n; i++) {
        coef[i] = 1.0 + 0.25 * i;
        p[i] = x[i] * x[i];
    }
    for (int i = 0; i < n; i++) /* in place: the old values are read by the partials */
        p[i] = p[i] * cos(p[(i + 1) % n]) + coef[i];
    double s = 0.0;
    for (int step = 0; step < 3; step++) {
        double *tmp = scaled(n, p, 0.5 + step);
        for (int i = 0; i < n; i++)
            s += tmp[i] * tmp[i] * coef[i];
        free(tmp);
        double *w = malloc(n * sizeof(double));
        for (int i = 0; i < n; i++)
            w[i] = exp(0.1 * p[i]) * s;
        s = 0.5 * s + w[step % n] * w[(step + 1) % n];
        free(w);
    }
    q[0] = s;
    q[1] = q[0] * x[0];
    s = q[1] + q[0];
    free(q);
    free(p);
    free(coef);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_arrays_tangent(int n, const double *x, const double *x_d, double *heap_arrays_d);
double heap_arrays_tangent_vector(int n, const double *x, const double (*x_d)[3], double *heap_arrays_d);
double heap_arrays_adjoint(int n, const double *x, double *x_b, double heap_arrays_b);
double heap_arrays_grad(int n, const double *x, double *x_grad);

#define N 5
static double primal(const double *x, void *p) {
    (void)p;
    return heap_arrays(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return heap_arrays_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_arrays_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_arrays_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_arrays");
    double x[N];
    e2e_fill(x, N, 17u, -0.8, 0.8);
    e2e_scalar s = {.label = "n=5", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    double dirs[N][3], dv[3], v[N], one;
    e2e_fill(&dirs[0][0], 3 * N, 18u, -1.0, 1.0);
    heap_arrays_tangent_vector(N, x, (const double (*)[3])dirs, dv);
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < N; i++)
            v[i] = dirs[i][k];
        heap_arrays_tangent(N, x, v, &one);
        e2e_expect_value("n=5", "vector tangent direction vs scalar tangent", dv[k], one, 1e-13);
    }
    return e2e_finish();
}
#endif
