/* double interface with single-precision internals: (float) casts of active values and expressions, f-suffixed asinf acosf atanf sinhf coshf cbrtf log1pf expm1f erff tanf fmaxf fminf floorf ceilf; float FD tolerance; closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 4))
double float_casts(const double *x)
{
    float a = (float)x[0];
    float b = (float)(x[1] * x[2]);
    float t = asinf(0.5f * a) + acosf(0.25f * b) + atanf(a * b);
    t += sinhf(a) * coshf(0.5f * b) + cbrtf(b) + log1pf(a);
    t += expm1f(0.3f * b) + erff(a - b) + tanf(0.4f * a);
    t += fmaxf(a, 0.25f) * fminf(b, 2.0f) + floorf(3.0f * a) * ceilf(b);
    double r = (double)t * x[3];
    r += (double)(float)x[3] * x[3];
    return r;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double float_casts_tangent(const double *x, const double *x_d, double *float_casts_d);
double float_casts_adjoint(const double *x, double *x_b, double float_casts_b);
double float_casts_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return float_casts(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return float_casts_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return float_casts_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return float_casts_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("float_casts");
    const double x[4] = {0.6, 1.2, 0.7, 1.1};
    /* The primal rounds to float, so finite differences are only good to about 1e-3 (e2e.h). */
    e2e_scalar s = {.label = "float_casts", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .fd_tol = E2E_FLOAT_FD_TOL,
                    .exact_tol = E2E_FLOAT_EXACT_TOL};
    double g[4];
    e2e_run_scalar(&s, g);
    /* Closed form in double: r = t(a, b) x3 + x3^2 with a = x0, b = x1 x2 (here fmaxf picks a,
     * fminf picks b, floorf(3a) = floorf(1.8) = 1 and ceilf(b) = ceilf(0.84) = 1). */
    double a = x[0], b = x[1] * x[2], e = 1.12837916709551257390 * exp(-(a - b) * (a - b));
    double t = asin(0.5 * a) + acos(0.25 * b) + atan(a * b) + sinh(a) * cosh(0.5 * b) + cbrt(b) +
               log1p(a) + expm1(0.3 * b) + erf(a - b) + tan(0.4 * a) + a * b + 1.0;
    double ta = 0.5 / sqrt(1.0 - 0.25 * a * a) + b / (1.0 + a * a * b * b) +
                cosh(a) * cosh(0.5 * b) + 1.0 / (1.0 + a) + e + 0.4 / (cos(0.4 * a) * cos(0.4 * a)) +
                b;
    double tb = -0.25 / sqrt(1.0 - b * b / 16.0) + a / (1.0 + a * a * b * b) +
                0.5 * sinh(a) * sinh(0.5 * b) + 1.0 / (3.0 * cbrt(b) * cbrt(b)) +
                0.3 * exp(0.3 * b) - e + a;
    double ref[4] = {x[3] * ta, x[3] * tb * x[2], x[3] * tb * x[1], t + 2.0 * x[3]};
    e2e_expect_close(s.label, "grad vs closed form (double), float precision", g, ref, 4,
                     E2E_FLOAT_CLOSED_TOL);
    return e2e_finish();
}
#endif
