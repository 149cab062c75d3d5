/* A helper called with no active argument whose result sets a variable that is active later,
 * and called again with all and with some arguments active. The backward sweep called a
 * reverse instance for the constant call, with no seed, named like the instance for all
 * arguments active: a file that did not compile (adc exit 0), and for hvp an internal failure
 * (tests/difftest bug 9, seed 30207). Gradient against finite differences and the tangent, hvp
 * against the closed form. */
#include <math.h>
#include <adc.h>

static double square_product(double p, double q)
{
    double r = p * q;
    r = r * r;
    return r;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double constant_args(int n, const double *x)
{
    double acc = square_product(0.5, n * 0.3); /* no active argument */
    acc += square_product(acc, x[0]);           /* both active */
    return acc * square_product(1.5, x[n - 1]); /* q active */
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double constant_args_tangent(int n, const double *x, const double *x_d, double *constant_args_d);
double constant_args_adjoint(int n, const double *x, double *x_b, double constant_args_b);
double constant_args_grad(int n, const double *x, double *x_grad);
int constant_args_hvp(int n, const double *x, const double *x_v, double *x_hv);

enum { N = 3 };

static double primal(const double *x, void *p) {
    (void)p;
    return constant_args(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return constant_args_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return constant_args_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return constant_args_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("calls_constant_args");
    const double x[N] = {0.7, -0.8, 1.1};
    double g[N];
    e2e_scalar s = {.label = "constant_args", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* f = (c + c^2 x0^2) h with c = (0.5 * 0.3 N)^2, h = (1.5 x2)^2: H e0 in closed form */
    const double c = (0.15 * N) * (0.15 * N), h = 2.25 * x[2] * x[2];
    const double v[N] = {1.0, 0.0, 0.0};
    double hv[N], want[N] = {2.0 * c * c * h, 0.0, 9.0 * c * c * x[0] * x[2]};
    int status = constant_args_hvp(N, x, v, hv);
    e2e_report(status == 0, s.label, "hvp status %d", status);
    e2e_expect_close(s.label, "hvp along e0 vs closed form", hv, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
