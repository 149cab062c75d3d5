/* OpenMP pragmas guarded by `#ifdef _OPENMP` ... `#endif`, as codes that also build without
 * OpenMP write them: a parallel loop with a reduction and an atomic update in another, which
 * adc reads as -fopenmp does (it refused them before: the `#endif` stood between the pragma
 * and its loop). Checked against finite differences, the dot-product test (tangent vs
 * gradient) and the serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_ifdef_guard(int n, const double *x)
{
    double s = 0.0, e = 0.0;
#ifdef _OPENMP
#pragma omp parallel for reduction(+ : s) schedule(static)
#endif
    for (int i = 0; i < n; i++)
        s += x[i] * cos(x[(i + 2) % n]);
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
#if defined(_OPENMP)
#pragma omp atomic
#endif
        e += x[i] * x[i] * (1.0 + 0.1 * i);
    }
    return s * e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_ifdef_guard_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_ifdef_guard_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_ifdef_guard_grad(int n, const double *x, double *x_grad);

enum { N = 29 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_ifdef_guard(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_ifdef_guard_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_ifdef_guard_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_ifdef_guard_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_ifdef_guard");
    double x[N];
    e2e_fill(x, N, 13, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_ifdef_guard", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
