/* hvp of a function with an output parameter outside wrt(...): `residual` receives values made
 * from x (also through a call by function pointer) but none of them reaches the result, so the
 * first stage gives it no derivatives. adc's own adjoint code read back for second order made
 * it useful anyway (its call f_forward(&tape, x, residual) counts every output as depending on
 * every input) and stopped with "parameter 'residual' of 'fit_adjoint' carries derivatives but
 * is not in wrt(...) [an internal failure of adc]" (found by the triage of difftest seed 7105).
 * Checked against finite differences, the dot-product test, the adjoint's increments, hvp
 * against finite differences of the gradient and the closed form, and residual as on entry after
 * hvp, as after grad (reverse modes undo the writes to it). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(p, q), modes(tangent, adjoint))
double model(double p, double q) { return p * sin(q) + 0.5 * q; }

static double apply(double (*fn)(double, double), double k, double q) { return fn(k, q) * k; }

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double fit(const double *x, double *residual) {
    residual[0] = apply(model, x[0], apply(model, 0.5, x[1]));
    residual[1] = x[0] - x[1];
    return x[0] * x[0] * x[1] + exp(x[1]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fit_tangent(const double *x, const double *x_d, double *residual, double *fit_d);
double fit_adjoint(const double *x, double *x_b, double *residual, double fit_b);
double fit_grad(const double *x, double *residual, double *x_grad);
int fit_hvp(const double *x, const double *x_v, double *x_hv, double *residual);

#define N 2
static double primal(const double *x, void *p) {
    double r[2];
    (void)p;
    return fit(x, r);
}
static double grad(const double *x, double *g, void *p) {
    double r[2];
    (void)p;
    return fit_grad(x, r, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    double r[2];
    (void)p;
    return fit_tangent(x, v, r, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    double r[2];
    (void)p;
    return fit_adjoint(x, xb, r, seed);
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

int main(void) {
    e2e_begin("hvp_output_not_in_wrt");
    double x[N] = {0.7, -0.4}, g[N], v[N] = {0.3, -0.9}, hv[N];
    double r[2] = {-7.0, 9.0}, after_grad[2] = {-7.0, 9.0};
    e2e_scalar s = {.label = "fit", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    fit_grad(x, after_grad, g);
    fit_hvp(x, v, hv, r);
    e2e_expect_close(s.label, "residual as on entry after hvp, as after grad", r, after_grad, 2, 0.0);
    adc_check_result res;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &res, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &res);
    /* H = [[2 x1, 2 x0], [2 x0, exp(x1)]] */
    double want[N] = {2.0 * x[1] * v[0] + 2.0 * x[0] * v[1], 2.0 * x[0] * v[0] + exp(x[1]) * v[1]};
    e2e_expect_close(s.label, "hvp vs closed form", hv, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
