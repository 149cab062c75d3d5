/* Rosenbrock function in n dimensions with a size_t count and loop index, away from the minimum; closed-form gradient. */
#include <math.h>
#include <stddef.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double rosenbrock(size_t n, const double *x)
{
    double f = 0.0;
    for (size_t i = 0; i + 1 < n; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
    }
    return f;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rosenbrock_tangent(size_t n, const double *x, const double *x_d, double *rosenbrock_d);
double rosenbrock_adjoint(size_t n, const double *x, double *x_b, double rosenbrock_b);
double rosenbrock_grad(size_t n, const double *x, double *x_grad);

#define N 8
static double primal(const double *x, void *p) {
    (void)p;
    return rosenbrock(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return rosenbrock_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return rosenbrock_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return rosenbrock_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("rosenbrock");
    const double x[N] = {-1.2, 1.0, 0.5, -0.8, 1.3, 0.9, -0.4, 0.7};
    double g[N], ref[N];
    e2e_scalar s = {.label = "n=8", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    for (int i = 0; i < N; i++)
        ref[i] = 0.0;
    for (int i = 0; i + 1 < N; i++) {
        double a = x[i + 1] - x[i] * x[i];
        ref[i] += -400.0 * x[i] * a - 2.0 * (1.0 - x[i]);
        ref[i + 1] += 200.0 * a;
    }
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
