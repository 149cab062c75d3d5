/* A function whose address is taken (dh0, given to apply) calling a static helper directly
 * (h0, of the same type). The scan for functions named as values compared the call's callee
 * with clang_equalCursors, which also compares the parent a cursor was reached from, so every
 * directly called function counted as taken: h0 became a dispatch target, and being static it
 * was refused ("the address of static function 'h0' is taken"; difftest seed 930006, README
 * bug 36). FD, the dot-product test and the closed form f' = 1.5. */
#include <adc.h>

static double h0(double p, double q) { return p * q; }

double dh0(double u, double v) {
    double t = h0(u, v);
    return t + u;
}

static double apply(double (*fn)(double, double), double s, double q) { return fn(s, q); }

ADC_DIFF(wrt(x), len(x: 1), modes(tangent, adjoint, grad))
double fnptr_target_static_callee(const double *x) { return apply(dh0, x[0], 0.5); }

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fnptr_target_static_callee_tangent(const double *x, const double *x_d, double *f_d);
double fnptr_target_static_callee_adjoint(const double *x, double *x_b, double f_b);
double fnptr_target_static_callee_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return fnptr_target_static_callee(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return fnptr_target_static_callee_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return fnptr_target_static_callee_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return fnptr_target_static_callee_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("fnptr_target_static_callee");
    const double x[1] = {0.7};
    e2e_scalar s = {.label = "fnptr_target_static_callee", .n = 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[1];
    e2e_run_scalar(&s, g);
    const double want[1] = {1.5};
    e2e_expect_close("fnptr_target_static_callee", "gradient against the closed form", g, want, 1, 1e-14);
    return e2e_finish();
}
#endif
