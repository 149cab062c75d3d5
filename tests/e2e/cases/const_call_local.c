/* A const local given a helper's active result, `const double cd = h(x[0], x[1]);`: its tangent
 * was declared const and then given to h_tangent to store through, so the generated file did
 * not compile (difftest seed 248, README bug 52). FD, the dot-product test, a closed form. */
#include <adc.h>

static double h(double p, double q) {
    return p * p * q;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad))
double const_call_local(const double *x) {
    const double cd = h(x[0], x[1]);
    return cd * x[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double const_call_local_tangent(const double *x, const double *x_d, double *f_d);
double const_call_local_adjoint(const double *x, double *x_b, double f_b);
double const_call_local_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return const_call_local(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return const_call_local_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return const_call_local_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return const_call_local_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("const_call_local");
    const double x[3] = {0.7, -1.3, 0.4};
    e2e_scalar s = {.label = "const_call_local", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[3];
    e2e_run_scalar(&s, g);
    const double want[3] = {2 * x[0] * x[1] * x[2], x[0] * x[0] * x[2], x[0] * x[0] * x[1]};
    e2e_expect_close("const_call_local", "gradient against the closed form", g, want, 3, 1e-12);
    return e2e_finish();
}
#endif
