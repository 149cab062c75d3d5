/* More math.h functions: tgamma, lgamma (through adc_digamma), remainder, fdim (both sides), ldexp, copysign, fma, nextafter, the __builtin_ forms clang and gcc accept (__builtin_sin, __builtin_pow, __builtin_fabs), and the float forms (tgammaf, lgammaf, fmaf, fdimf, copysignf, ldexpf, remainderf, nextafterf, powf); finite differences, tangent vs adjoint, closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad))
double math_more(const double *x)
{
    double s = tgamma(x[0] + 1.0) * lgamma(x[1] + 2.0);
    s += remainder(3.0 * x[3], x[1]);
    s += fdim(x[3], x[0]) + fdim(x[2], x[0]);
    s += ldexp(x[0] * x[1], 3);
    s += copysign(x[1] * x[1], x[2]);
    s += fma(x[0], x[1], x[2] * x[3]);
    s += nextafter(x[3], 0.0) * x[2];
    s += __builtin_sin(x[0]) * __builtin_pow(x[1], x[3]) + __builtin_fabs(x[2]);
    return s;
}

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad))
double math_more_float(const double *x)
{
    float a = (float)x[0], b = (float)x[1], c = (float)x[2], d = (float)x[3];
    float s = tgammaf(a + 1.0f) * lgammaf(b + 2.0f) + remainderf(3.0f * d, b);
    s += fdimf(d, a) + ldexpf(a * b, 3) + copysignf(b * b, c) + fmaf(a, b, c * d);
    s += nextafterf(d, 0.0f) * c + powf(b, d);
    return (double)s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double math_more_tangent(const double *x, const double *x_d, double *math_more_d);
double math_more_adjoint(const double *x, double *x_b, double math_more_b);
double math_more_grad(const double *x, double *x_grad);
double math_more_float_tangent(const double *x, const double *x_d, double *math_more_float_d);
double math_more_float_adjoint(const double *x, double *x_b, double math_more_float_b);
double math_more_float_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) { return p ? math_more_float(x) : math_more(x); }
static double grad(const double *x, double *g, void *p) {
    return p ? math_more_float_grad(x, g) : math_more_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return p ? math_more_float_tangent(x, v, dv) : math_more_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return p ? math_more_float_adjoint(x, xb, seed) : math_more_adjoint(x, xb, seed);
}

/* psi by central differences of lgamma (smooth away from the poles). */
static double psi(double x) {
    double h = 1e-5;
    return (lgamma(x + h) - lgamma(x - h)) / (2.0 * h);
}

int main(void) {
    e2e_begin("math_more");
    const double x[4] = {0.7, 1.3, -0.4, 2.2};
    e2e_scalar s = {.label = "math_more", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[4];
    e2e_run_scalar(&s, g);
    /* remainder(6.6, 1.3) = 6.6 - 5 * 1.3; fdim(x3, x0) = x3 - x0, fdim(x2, x0) = 0;
     * copysign(x1^2, x2 < 0) = -x1^2. */
    double x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
    double tg = tgamma(x0 + 1.0), lg = lgamma(x1 + 2.0), pw = pow(x1, x3);
    double ref[4] = {
        tg * psi(x0 + 1.0) * lg - 1.0 + 8.0 * x1 + x1 + cos(x0) * pw,
        tg * psi(x1 + 2.0) - 5.0 + 8.0 * x0 - 2.0 * x1 + x0 + sin(x0) * x3 * pow(x1, x3 - 1.0),
        x3 + nextafter(x3, 0.0) - 1.0,
        3.0 + 1.0 + x2 + x2 + sin(x0) * pw * log(x1),
    };
    e2e_expect_close(s.label, "grad vs closed form (psi by differences of lgamma)", g, ref, 4, 1e-8);

    e2e_scalar f = {.label = "math_more_float", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = (void *)x,
                    .fd_tol = E2E_FLOAT_FD_TOL, .exact_tol = E2E_FLOAT_EXACT_TOL};
    e2e_run_scalar(&f, g);
    return e2e_finish();
}
#endif
