/* Calls to user functions: a static helper and an external helper, each called twice with different active arguments, a call nested in another call's argument, a helper with an inactive parameter. */
#include <math.h>
#include <adc.h>

static double sq(double v)
{
    return v * v;
}

double softplus_scaled(double v, double scale)
{
    return log1p(exp(scale * v)) / scale;
}

ADC_DIFF(wrt(x), len(x: n))
double calls_helper_twice(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += sq(x[i] - 0.5) * (i + 1);
    s += softplus_scaled(x[0] * x[1], 2.0) + softplus_scaled(-x[n - 1], 0.5);
    s += sq(sin(x[2])) + sq(sq(x[3]) - x[0]);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_helper_twice_tangent(int n, const double *x, const double *x_d,
                                  double *calls_helper_twice_d);
double calls_helper_twice_adjoint(int n, const double *x, double *x_b,
                                  double calls_helper_twice_b);
double calls_helper_twice_grad(int n, const double *x, double *x_grad);

#define N 5
static double primal(const double *x, void *p) {
    (void)p;
    return calls_helper_twice(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_helper_twice_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_helper_twice_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_helper_twice_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("calls_helper_twice");
    const double x[N] = {0.9, -0.4, 1.3, 0.7, -1.1};
    double g[N];
    e2e_scalar s = {.label = "calls_helper_twice", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double sig1 = 1.0 / (1.0 + exp(-2.0 * x[0] * x[1]));
    double sig2 = 1.0 / (1.0 + exp(0.5 * x[4]));
    double inner = x[3] * x[3] - x[0];
    double ref[N];
    for (int i = 0; i < N; i++)
        ref[i] = 2.0 * (x[i] - 0.5) * (i + 1);
    ref[0] += sig1 * x[1] - 2.0 * inner;
    ref[1] += sig1 * x[0];
    ref[2] += 2.0 * sin(x[2]) * cos(x[2]);
    ref[3] += 2.0 * inner * 2.0 * x[3];
    ref[4] += -sig2;
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
