/* `#pragma omp atomic` updates of active data inside parallel loops: a shared sum (s += ...)
 * instead of a reduction, whose adjoint every backward trip reads (the backward loop runs in
 * parallel), and a scatter into bins several trips share (bins[i % 5] -= ...; its backward
 * loop runs serially, bins being a local array). The tangent updates carry the atomic too.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_atomic(int n, const double *x)
{
    double s = 0.0, bins[5] = {0.0}, e = 0.0;
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
#pragma omp atomic
        s += x[i] * sin(x[(i + 1) % n]);
    }
#pragma omp parallel for schedule(dynamic)
    for (int i = 0; i < n; i++) {
        double w = 0.5 + 0.1 * i;
#pragma omp atomic update
        bins[i % 5] -= w * x[i] * x[i];
    }
    for (int k = 0; k < 5; k++)
        e += bins[k] * bins[k] * (1.0 + k);
    return e + s * s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_atomic_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_atomic_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_atomic_grad(int n, const double *x, double *x_grad);

enum { N = 43 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_atomic(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_atomic_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_atomic_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_atomic_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_atomic");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_atomic", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
