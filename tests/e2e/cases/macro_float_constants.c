/* float constants inside macro arguments (1.0f, 2.5f): adc writes a constant from a macro by its
 * value, and 1.0f came out as `1f.0` (the ".0" appended after the suffix): the generated file
 * did not compile although adc exited 0 (difftest seed 2054). Checked against finite
 * differences, the dot-product test and the closed form. Needs libclang >= 17 (its operators
 * come from macro bodies: older ones are refused). */
#include <math.h>
#include <adc.h>

#define MIX(u, v) (0.5 * (u) + 0.25 * (v))
#define ONE_F 1.0f

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad))
double macro_float_constants(const double *x)
{
    float s = sqrtf(ONE_F + (float)(x[0] * x[0]));
    return MIX(x[1], sqrtf(1.0f + (float)(x[0] * x[0]))) + 2.5f * x[1] * s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double macro_float_constants_tangent(const double *x, const double *x_d, double *macro_float_constants_d);
double macro_float_constants_adjoint(const double *x, double *x_b, double macro_float_constants_b);
double macro_float_constants_grad(const double *x, double *x_grad);

#define N 2
static double primal(const double *x, void *p) {
    (void)p;
    return macro_float_constants(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return macro_float_constants_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return macro_float_constants_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return macro_float_constants_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("macro_float_constants");
    double x[N] = {0.6, -0.3}, g[N];
    e2e_scalar s = {.label = "macro_float_constants", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .fd_tol = 1e-3, .exact_tol = 1e-6};
    e2e_run_scalar(&s, g);
    double r = sqrt(1.0 + x[0] * x[0]), dr = x[0] / r;
    double ref[N] = {0.25 * dr + 2.5 * x[1] * dr, 0.5 + 2.5 * r};
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, 1e-6);
    return e2e_finish();
}
#endif
