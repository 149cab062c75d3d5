/* Second order through lgamma and tgamma: their first partials call adc_digamma (psi), which
 * the second stage reads back in adc's own output; its derivative is the trigamma function
 * psi' (adc_trigamma). Before, the second stage took adc_digamma for opaque runtime code: the
 * Hessian lost every psi' term (silently, or a generated file that did not compile for an
 * unused tangent). f(x0, x1) = lgamma(x0 x1) + x0 tgamma(x1), with p = x0 x1:
 *   H00 = x1^2 psi'(p), H01 = psi(p) + x0 x1 psi'(p) + Gamma(x1) psi(x1),
 *   H11 = x0^2 psi'(p) + x0 Gamma(x1) (psi(x1)^2 + psi'(x1)).
 * Checks: hvp against finite differences of the gradient and its symmetry at a generic point;
 * the dense Hessian against that closed form at x = (2, 1/2), where p = 1 and the constants are
 * known (psi(1) = -gamma, psi'(1) = pi^2/6, psi(1/2) = -gamma - 2 ln 2, psi'(1/2) = pi^2/2,
 * Gamma(1/2) = sqrt(pi)); the same for the float forms lgammaf and tgammaf. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp, hessian))
double gamma_mix(const double *x)
{
    return lgamma(x[0] * x[1]) + x[0] * tgamma(x[1]);
}

ADC_DIFF(wrt(x), len(x: 2), modes(hessian))
float gamma_mix_float(const float *x)
{
    return lgammaf(x[0] * x[1]) + x[0] * tgammaf(x[1]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double gamma_mix_tangent(const double *x, const double *x_d, double *gamma_mix_d);
double gamma_mix_adjoint(const double *x, double *x_b, double gamma_mix_b);
double gamma_mix_grad(const double *x, double *x_grad);
int gamma_mix_hvp(const double *x, const double *x_v, double *x_hv);
int gamma_mix_hessian(const double *x, double *hessian);
int gamma_mix_float_hessian(const float *x, float *hessian);

static double primal(const double *x, void *p) {
    (void)p;
    return gamma_mix(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return gamma_mix_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return gamma_mix_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return gamma_mix_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return gamma_mix_hvp(x, v, hv);
}

/* The closed-form Hessian at (2, 1/2), row by row. */
static void hessian_at_known_point(double h[4]) {
    const double pi = 3.14159265358979323846, euler = 0.57721566490153286061;
    const double psi_p = -euler, tri_p = pi * pi / 6, psi_h = -euler - 2 * log(2.0), tri_h = pi * pi / 2;
    const double x0 = 2.0, x1 = 0.5, gamma_h = sqrt(pi);
    h[0] = x1 * x1 * tri_p;
    h[1] = h[2] = psi_p + x0 * x1 * tri_p + gamma_h * psi_h;
    h[3] = x0 * x0 * tri_p + x0 * gamma_h * (psi_h * psi_h + tri_h);
}

int main(void) {
    e2e_begin("hessian_gamma");
    const double x[2] = {1.7, 0.8};
    e2e_scalar s = {.label = "gamma_mix", .n = 2, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);

    const double known[2] = {2.0, 0.5};
    const float known_float[2] = {2.0f, 0.5f};
    double want[4], got[4];
    float got_float[4];
    hessian_at_known_point(want);
    e2e_expect_value("gamma_mix", "hessian returns 0", gamma_mix_hessian(known, got), 0.0, 0.0);
    e2e_expect_close("gamma_mix", "Hessian vs closed form", got, want, 4, E2E_CLOSED_TOL);
    e2e_expect_value("gamma_mix_float", "hessian returns 0", gamma_mix_float_hessian(known_float, got_float), 0.0,
                     0.0);
    for (int i = 0; i < 4; i++)
        got[i] = got_float[i];
    e2e_expect_close("gamma_mix_float", "Hessian vs closed form", got, want, 4, E2E_FLOAT_CLOSED_TOL);
    return e2e_finish();
}
#endif
