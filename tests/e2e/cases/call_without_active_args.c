/* A helper called with no active argument where the result's variable is active: its
 * backward sweep still runs (it pops what its forward sweep taped) and takes the seed, as
 * every reverse instance of a helper returning double does (tests/difftest seed 40055: the
 * call passed no seed, and the same helper's reverse for another pattern of active arguments
 * had the same name); the tangent of t starts at zero (it was declared uninitialised and
 * incremented: a silently wrong tangent). Gradient, tangent, adjoint and hvp against finite
 * differences and closed forms. */
#include <adc.h>

static double cube(double p) {
    double r = p;
    for (int k = 0; k < 2; k++)
        r = r * p;
    return r;
}

static double shifted(double result, double c) {
    double t = cube(c); /* c is inactive where f calls shifted: no active argument */
    t += result * result;
    return t;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint, grad, hvp))
double inactive_call(double x) {
    return shifted(x, 0.5) * x + cube(x);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double inactive_call_tangent(double x, double x_d, double *inactive_call_d);
double inactive_call_adjoint(double x, double *x_b, double inactive_call_b);
double inactive_call_grad(double x, double *x_grad);
int inactive_call_hvp(double x, double x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return inactive_call(x[0]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return inactive_call_grad(x[0], g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return inactive_call_tangent(x[0], v[0], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return inactive_call_adjoint(x[0], xb, seed);
}

int main(void) {
    e2e_begin("call_without_active_args");
    const double x[1] = {0.7};
    double g;
    e2e_scalar s = {.label = "inactive_call", .n = 1, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, &g);
    /* inactive_call = 0.125 x + 2 x^3 */
    e2e_expect_value(s.label, "grad vs closed form", g, 0.125 + 6.0 * x[0] * x[0], E2E_CLOSED_TOL);
    double hv = 0.0;
    int status = inactive_call_hvp(x[0], 1.0, &hv);
    e2e_report(status == 0, s.label, "hvp status %d", status);
    e2e_expect_value(s.label, "hvp vs closed form", hv, 12.0 * x[0], E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
