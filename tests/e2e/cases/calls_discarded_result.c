/* A helper whose floating result is discarded, called twice in one block (the tangent once
 * declared `double ignored_d;` for each call: a redeclaration), beside a user variable named
 * ignored_d. FD, tangent against adjoint, closed form. */
#include <adc.h>

static double damp(double *p, double k)
{
    p[0] = p[0] * k + p[1];
    return p[0];
}

ADC_DIFF(wrt(x), len(x: 3))
double calls_discarded_result(double *x)
{
    damp(x, 0.5);
    damp(x + 1, x[0]);
    double ignored_d = 2.0;
    return x[0] * x[1] * ignored_d + x[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_discarded_result_tangent(double *x, double *x_d, double *calls_discarded_result_d);
double calls_discarded_result_adjoint(double *x, double *x_b, double calls_discarded_result_b);
double calls_discarded_result_grad(double *x, double *x_grad);

/* x is an in-out: each evaluation works on a copy. */
static double primal(const double *x, void *ctx) {
    (void)ctx;
    double c[3] = {x[0], x[1], x[2]};
    return calls_discarded_result(c);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    double c[3] = {x[0], x[1], x[2]};
    return calls_discarded_result_grad(c, g);
}
static double tangent(const double *x, const double *dx, double *dv, void *ctx) {
    (void)ctx;
    double c[3] = {x[0], x[1], x[2]}, cd[3] = {dx[0], dx[1], dx[2]};
    return calls_discarded_result_tangent(c, cd, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    double c[3] = {x[0], x[1], x[2]};
    /* the seeds of the outputs x are zero: xb holds the inputs' adjoints */
    double cb[3] = {0.0, 0.0, 0.0};
    double f = calls_discarded_result_adjoint(c, cb, seed);
    for (int i = 0; i < 3; i++)
        xb[i] += cb[i];
    return f;
}

int main(void) {
    e2e_begin("calls_discarded_result");
    double x[3] = {0.8, -1.1, 0.4}, g[3];
    e2e_scalar s = {.label = "three values", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* a = x0/2 + x1, b = x1*a + x2, f = 2ab + x2 */
    double a = 0.5 * x[0] + x[1], b = x[1] * a + x[2];
    double want[3] = {2.0 * (0.5 * b + a * x[1] * 0.5), 2.0 * (b + a * (a + x[1])), 2.0 * a + 1.0};
    grad(x, g, NULL);
    e2e_expect_close("three values", "gradient against the closed form", g, want, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
