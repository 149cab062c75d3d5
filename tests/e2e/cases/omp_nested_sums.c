/* A parallel loop with a serial inner loop whose backward trips sum the adjoint of x[i] (read
 * on every inner trip) in a local and add it to x_b[i] after the inner loop, then reverse a
 * statement reading x[i - 1] and x[i + 1]: the backward loop runs in parallel, and both the
 * addition of the sum and the statement's additions must be atomic, as neighbouring trips add
 * to the same elements (they were not: a race, rarely visible).
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (e2e_omp.h); tests/filecheck/openmp_constructs.c checks the atomics. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_nested_sums(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for reduction(+ : s) schedule(static, 1)
    for (int i = 1; i < n - 1; i++) {
        s += x[i - 1] * x[i + 1];
        for (int j = 0; j < n; j++)
            s += x[i] * x[j] + x[i - 1] * sin(x[j]);
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_nested_sums_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_nested_sums_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_nested_sums_grad(int n, const double *x, double *x_grad);

enum { N = 300 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_nested_sums(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_nested_sums_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_nested_sums_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_nested_sums_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_nested_sums");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_nested_sums", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
