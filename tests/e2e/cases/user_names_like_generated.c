/* User variables named like adc's own temporaries (adj, the seed of a statement's backward sweep; t1_b, ignored): the generated names step aside (an inner `double adj` used to hide the user's adj, which then passed the seed to the callee as its value); finite differences and tangent vs adjoint. */
#include <adc.h>

static double product(double a, double b) { return a * b; }

ADC_DIFF(wrt(x), len(x: 2))
double user_names_like_generated(const double *x, double adj)
{
    double t1_b = x[1] * adj;
    double y = product(x[0], adj) + t1_b;
    double ignored = product(x[0], x[1]);
    y = y * adj + ignored;
    return y * x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double user_names_like_generated_tangent(const double *x, const double *x_d, double adj, double *f_d);
double user_names_like_generated_adjoint(const double *x, double *x_b, double adj, double f_b);
double user_names_like_generated_grad(const double *x, double adj, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return user_names_like_generated(x, 1.7);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return user_names_like_generated_grad(x, 1.7, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return user_names_like_generated_tangent(x, v, 1.7, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return user_names_like_generated_adjoint(x, xb, 1.7, seed);
}

int main(void) {
    e2e_begin("user_names_like_generated");
    const double x[2] = {0.6, -1.3};
    e2e_scalar s = {.label = "user_names_like_generated", .n = 2, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[2];
    e2e_run_scalar(&s, g);
    /* f = ((x0 a + x1 a) a + x0 x1) x1 with a = 1.7 */
    double a = 1.7, ref[2] = {(a * a + x[1]) * x[1], a * a * x[0] + 2.0 * a * a * x[1] + 2.0 * x[0] * x[1]};
    e2e_expect_close(s.label, "grad vs closed form", g, ref, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
