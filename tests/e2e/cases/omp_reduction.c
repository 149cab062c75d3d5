/* A parallel sum with reduction(+: s): the tangent loop reduces s_d too; the backward trips
 * read s_b (the same on every trip) and run in parallel.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_reduction(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for reduction(+ : s) schedule(static)
    for (int i = 0; i < n; i++)
        s += sin(x[i]) * x[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_reduction_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_reduction_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_reduction_grad(int n, const double *x, double *x_grad);

enum { N = 64 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_reduction(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_reduction_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_reduction_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_reduction_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_reduction");
    double x[N];
    e2e_fill(x, N, 5, -2.0, 2.0);
    e2e_scalar s = {.label = "omp_reduction", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
