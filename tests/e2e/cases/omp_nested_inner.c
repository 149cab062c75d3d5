/* A parallel outer loop over rows with a serial inner loop (a matrix-vector product
 * with x as both matrix and vector): the inner index and sum belong to each trip.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (4 threads vs 1: e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_nested_inner(int n, const double *x)
{
    double s = 0.0;
    int m = 8;
#pragma omp parallel for reduction(+ : s) schedule(static, 2)
    for (int i = 0; i < m; i++) {
        double row = 0.0;
        for (int j = 0; j < m; j++)
            row += x[i * m + j] * x[j];
        s += row * row;
    }
    return s + 0.0 * n;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_nested_inner_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_nested_inner_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_nested_inner_grad(int n, const double *x, double *x_grad);

enum { N = 64 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_nested_inner(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_nested_inner_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_nested_inner_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_nested_inner_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_nested_inner");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_nested_inner", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
