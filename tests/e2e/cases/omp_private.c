/* A private temporary (private(u)): the tangent loop makes u_d private too; u is taped
 * in the forward sweep, so the backward loop runs serially (with a note).
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_private(int n, const double *x)
{
    double s = 0.0, u;
#pragma omp parallel for private(u) reduction(+ : s)
    for (int i = 0; i < n; i++) {
        u = exp(0.3 * x[i]);
        s += u * x[i];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_private_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_private_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_private_grad(int n, const double *x, double *x_grad);

enum { N = 48 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_private(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_private_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_private_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_private_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_private");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_private", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
