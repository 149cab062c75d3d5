/* Binary math.h functions: pow (active base, active exponent, both, negative base with constant integer exponent, negative exponent), atan2, hypot; closed-form gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 8))
double math_binary(const double *x)
{
    double s = pow(x[0], 3.0);        /* active base, constant exponent */
    s += pow(2.5, x[1]);              /* constant base, active exponent */
    s += pow(x[2], x[3]);             /* both active */
    s += 0.5 * pow(x[7], -1.5);       /* negative exponent */
    s += pow(x[4], 2.0);              /* negative base, constant integer exponent */
    s += atan2(x[4], x[5]);
    s += hypot(x[5], x[6]);
    s += pow(x[0] * x[6], x[1]);      /* both active, through products */
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double math_binary_tangent(const double *x, const double *x_d, double *math_binary_d);
double math_binary_adjoint(const double *x, double *x_b, double math_binary_b);
double math_binary_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return math_binary(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return math_binary_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return math_binary_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return math_binary_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("math_binary");
    const double x[8] = {1.3, 0.8, 1.6, 0.7, -1.2, 0.9, 0.6, 1.4};
    double g[8];
    e2e_scalar s = {.label = "math_binary", .n = 8, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double r2 = x[4] * x[4] + x[5] * x[5], h = hypot(x[5], x[6]);
    double u = x[0] * x[6], pu = pow(u, x[1]);
    double ref[8] = {
        3.0 * x[0] * x[0] + x[1] * pu / u * x[6],
        log(2.5) * pow(2.5, x[1]) + pu * log(u),
        x[3] * pow(x[2], x[3] - 1.0),
        pow(x[2], x[3]) * log(x[2]),
        2.0 * x[4] + x[5] / r2,
        -x[4] / r2 + x[5] / h,
        x[6] / h + x[1] * pu / u * x[0],
        -0.75 * pow(x[7], -2.5),
    };
    e2e_expect_close(s.label, "grad vs closed-form derivatives", g, ref, 8, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
