/* A 1-D stencil into an output of its own, then a parallel sum of squares: neighbouring
 * trips read the same x[i], so the backward trips add to x_b[i] atomically.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_stencil(int n, const double *x)
{
    double y[64] = {0}, a = 0.5 * x[0], s = 0.0;
#pragma omp parallel for schedule(dynamic, 4)
    for (int i = 1; i < n - 1; i++)
        y[i] = a * x[i - 1] * x[i + 1] + cos(x[i]);
#pragma omp parallel for reduction(+ : s)
    for (int i = 1; i < n - 1; i++)
        s += y[i] * y[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_stencil_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_stencil_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_stencil_grad(int n, const double *x, double *x_grad);

enum { N = 64 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_stencil(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_stencil_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_stencil_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_stencil_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_stencil");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_stencil", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
