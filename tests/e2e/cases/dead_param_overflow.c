/* A helper assigns its by-value parameter where the value is dead and overflows to inf. The
 * backward sweep started that parameter's adjoint at 0.0 (its entry value set aside) but did
 * not know it was zero, so the dead statements passed on 0 * inf = NaN into q's adjoint
 * (tests/difftest seed 311204, in part). Gradient against finite differences and the tangent. */
#include <adc.h>

static double scaled(double p, double q)
{
    double r = p * q;
    p = p * 1e300; /* dead from here */
    p = p * p;     /* inf */
    p *= q;
    return r + q;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double dead_param_overflow(int n, const double *x)
{
    return scaled(x[0], x[n - 1]) * x[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double dead_param_overflow_tangent(int n, const double *x, const double *x_d, double *dead_param_overflow_d);
double dead_param_overflow_adjoint(int n, const double *x, double *x_b, double dead_param_overflow_b);
double dead_param_overflow_grad(int n, const double *x, double *x_grad);

enum { N = 2 };

static double primal(const double *x, void *p) {
    (void)p;
    return dead_param_overflow(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return dead_param_overflow_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return dead_param_overflow_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return dead_param_overflow_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("dead_param_overflow");
    const double x[N] = {0.7, -0.8};
    double g[N];
    e2e_scalar s = {.label = "dead_param_overflow", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* f = (x0 x1 + x1) x0: closed form */
    const double want[N] = {2.0 * x[0] * x[1] + x[1], x[0] * x[0] + x[0]};
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
