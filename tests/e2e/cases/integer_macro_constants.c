/* Integer constants from macros keep their type in the generated code: an unsigned constant
 * that wraps (k + MASK), an unsigned long shifted by 40, a long beyond int. adc writes such
 * literals as their values, which once dropped the suffix: the unsigned sum no longer wrapped
 * and 1 << 40 overflowed (a wrong value and derivative). FD, tangent, closed form. */
#include <adc.h>

#define MASK 0xFFFFFFFFu
#define ONE 1UL
#define BIG 3000000000

ADC_DIFF(wrt(x))
double integer_macro_constants(double x, unsigned k)
{
    unsigned w = (k + MASK) / 2u;
    long b = BIG;
    return x * (double)w + x * (double)(ONE << 40) + 1e-9 * (double)b * x * x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double integer_macro_constants_tangent(double x, double x_d, unsigned k, double *integer_macro_constants_d);
double integer_macro_constants_adjoint(double x, double *x_b, unsigned k, double integer_macro_constants_b);
double integer_macro_constants_grad(double x, unsigned k, double *x_grad);

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return integer_macro_constants(x[0], 3u);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return integer_macro_constants_grad(x[0], 3u, g);
}
static double tangent(const double *x, const double *dx, double *dv, void *ctx) {
    (void)ctx;
    return integer_macro_constants_tangent(x[0], dx[0], 3u, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return integer_macro_constants_adjoint(x[0], xb, 3u, seed);
}

int main(void) {
    e2e_begin("integer_macro_constants");
    double x[1] = {0.75}, g[1], d;
    e2e_scalar s = {.label = "k = 3", .n = 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* w = (3 + 2^32 - 1 mod 2^32) / 2 = 1 */
    double want = 1.0 + 1099511627776.0 + 2e-9 * 3000000000.0 * x[0];
    grad(x, g, NULL);
    e2e_expect_value("k = 3", "gradient against the closed form", g[0], want, E2E_EXACT_TOL);
    double one = 1.0;
    tangent(x, &one, &d, NULL);
    e2e_expect_value("k = 3", "tangent against the closed form", d, want, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
