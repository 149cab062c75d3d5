/* An annotated function (its own ADC_DIFF) that updates an active global, called by another
 * annotated function with only some arguments active: the instance for those arguments zeroed
 * the global's tangent on entry as the user's interface does, so f's tangent lost what the
 * global carried (difftest seed 103: tangent against finite differences 16% off, no
 * diagnostic). Checked against finite differences, the dot-product test and the closed form. */
#include <math.h>
#include <adc.h>

double level;

ADC_DIFF(wrt(p, q), modes(tangent, adjoint))
double step(double p, double q)
{
    level = level * p + q;
    return level * q;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad))
double globals_annotated_callee(const double *x)
{
    level = x[0] * x[1];
    double k = x[0] + 2.0;
    k = k * step(0.5, k);
    return k + level * x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double globals_annotated_callee_tangent(const double *x, const double *x_d, double *globals_annotated_callee_d);
double globals_annotated_callee_adjoint(const double *x, double *x_b, double globals_annotated_callee_b);
double globals_annotated_callee_grad(const double *x, double *x_grad);

#define N 2
static double primal(const double *x, void *p) {
    (void)p;
    return globals_annotated_callee(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return globals_annotated_callee_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return globals_annotated_callee_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return globals_annotated_callee_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("globals_annotated_callee");
    double x[N] = {0.6, -0.7}, g[N];
    e2e_scalar s = {.label = "globals_annotated_callee", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* L = 0.5 x0 x1 + k, k = x0 + 2; f = k L k + L x1 = k^2 L + L x1 */
    double k = x[0] + 2.0, L = 0.5 * x[0] * x[1] + k;
    double dL[N] = {0.5 * x[1] + 1.0, 0.5 * x[0]};
    double ref[N] = {2.0 * k * L + k * k * dL[0] + dL[0] * x[1], k * k * dL[1] + dL[1] * x[1] + L};
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
