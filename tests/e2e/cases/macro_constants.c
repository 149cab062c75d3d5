/* Constants that come from macros of system headers and of the file (NAN is
 * __builtin_nanf(""), INFINITY and HUGE_VAL builtins, DBL_EPSILON a literal, a file macro
 * with an expression): the generated code spells them so that they compile and keep their
 * values. Gradient against finite differences, the tangent and the closed form.
 * Needs libclang >= 17 (SCALE spells an operator inside a macro: older ones are refused). */
#include <float.h>
#include <math.h>
#include <adc.h>

#define SCALE (2.0 * DBL_EPSILON + 0.5)

ADC_DIFF(wrt(x))
double guarded(double x)
{
    if (x > 100.0)
        return NAN;
    if (x < -100.0)
        return -HUGE_VAL;
    double y = x < INFINITY ? SCALE * x * x : 0.0;
    return y;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double guarded_tangent(double x, double x_d, double *guarded_d);
double guarded_adjoint(double x, double *x_b, double guarded_b);
double guarded_grad(double x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return guarded(x[0]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return guarded_grad(x[0], g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return guarded_tangent(x[0], v[0], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return guarded_adjoint(x[0], xb, seed);
}

int main(void) {
    e2e_begin("macro_constants");
    const double x[1] = {1.25};
    double g[1];
    e2e_scalar s = {.label = "guarded", .n = 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_expect_value(s.label, "grad vs closed form", g[0], 2.0 * (2.0 * DBL_EPSILON + 0.5) * x[0],
                     E2E_CLOSED_TOL);
    double d = 0.0;
    e2e_report(isnan(guarded_tangent(200.0, 1.0, &d)), s.label, "NAN returned through the tangent");
    e2e_report(guarded_tangent(-200.0, 1.0, &d) == -HUGE_VAL, s.label, "-HUGE_VAL returned through the tangent");
    return e2e_finish();
}
#endif
