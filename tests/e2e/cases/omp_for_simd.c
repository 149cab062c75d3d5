/* parallel for simd with a reduction, and a simd loop: both carried to the tangent (clang
 * vectorizes the primal loops; where it cannot vectorize a tangent loop, the generated file
 * keeps that from being an error under -Werror).
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_for_simd(int n, const double *x)
{
    double s = 0.0, t = 0.0;
#pragma omp parallel for simd reduction(+ : s)
    for (int i = 0; i < n; i++)
        s += x[i] * x[i] * x[i];
#pragma omp simd reduction(+ : t)
    for (int i = 0; i < n; i++)
        t += x[i] * (0.5 + 0.25 * x[i]);
    return s * t;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_for_simd_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_for_simd_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_for_simd_grad(int n, const double *x, double *x_grad);

enum { N = 32 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_for_simd(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_for_simd_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_for_simd_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_for_simd_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_for_simd");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_for_simd", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
