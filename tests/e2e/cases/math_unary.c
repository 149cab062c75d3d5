/* Every unary math.h function (exp log log1p expm1 sqrt cbrt sin cos tan asin acos atan sinh cosh tanh erf), one per input; closed-form gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 16))
double math_unary(const double *x)
{
    double s = 0.0;
    s += 1.00 * exp(x[0]);
    s += 1.25 * log(x[1]);
    s += 1.50 * log1p(x[2]);
    s += 1.75 * expm1(x[3]);
    s += 2.00 * sqrt(x[4]);
    s += 2.25 * cbrt(x[5]);
    s += 2.50 * sin(x[6]);
    s += 2.75 * cos(x[7]);
    s += 3.00 * tan(x[8]);
    s += 3.25 * asin(x[9]);
    s += 3.50 * acos(x[10]);
    s += 3.75 * atan(x[11]);
    s += 4.00 * sinh(x[12]);
    s += 4.25 * cosh(x[13]);
    s += 4.50 * tanh(x[14]);
    s += 4.75 * erf(x[15]);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double math_unary_tangent(const double *x, const double *x_d, double *math_unary_d);
double math_unary_adjoint(const double *x, double *x_b, double math_unary_b);
double math_unary_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return math_unary(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return math_unary_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return math_unary_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return math_unary_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("math_unary");
    /* Inside every domain, away from the poles of tan and the ends of asin/acos. */
    const double x[16] = {0.3, 1.7, 0.4, -0.6, 2.3, -0.8, 0.9, 1.2,
                          0.7, 0.35, -0.45, 1.3, -0.5, 0.8, 0.6, 0.45};
    double g[16];
    e2e_scalar s = {.label = "math_unary", .n = 16, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    const double two_over_sqrt_pi = 1.12837916709551257390;
    double d[16] = {
        exp(x[0]),
        1.0 / x[1],
        1.0 / (1.0 + x[2]),
        exp(x[3]),
        0.5 / sqrt(x[4]),
        1.0 / (3.0 * cbrt(x[5]) * cbrt(x[5])),
        cos(x[6]),
        -sin(x[7]),
        1.0 / (cos(x[8]) * cos(x[8])),
        1.0 / sqrt(1.0 - x[9] * x[9]),
        -1.0 / sqrt(1.0 - x[10] * x[10]),
        1.0 / (1.0 + x[11] * x[11]),
        cosh(x[12]),
        sinh(x[13]),
        1.0 - tanh(x[14]) * tanh(x[14]),
        two_over_sqrt_pi * exp(-x[15] * x[15]),
    };
    double ref[16];
    for (int i = 0; i < 16; i++)
        ref[i] = (1.0 + 0.25 * i) * d[i];
    e2e_expect_close(s.label, "grad vs closed-form derivatives", g, ref, 16, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
