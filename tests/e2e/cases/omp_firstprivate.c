/* firstprivate(c) and a shared scalar read by every trip: c_d is firstprivate in the tangent,
 * and the backward trips add to c_b atomically.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_firstprivate(int n, const double *x)
{
    double c = x[0] * x[1], s = 0.0;
#pragma omp parallel for firstprivate(c) reduction(+ : s) num_threads(4)
    for (int i = 0; i < n; i++)
        s += c * sin(x[i]);
    return s * c;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_firstprivate_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_firstprivate_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_firstprivate_grad(int n, const double *x, double *x_grad);

enum { N = 40 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_firstprivate(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_firstprivate_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_firstprivate_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_firstprivate_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_firstprivate");
    double x[N];
    e2e_fill(x, N, 5, -1.5, 1.5);
    e2e_scalar s = {.label = "omp_firstprivate", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
