/* hvp through a helper given a function pointer, whose result is varied but never useful (a
 * dead value recomputed in a loop): adc's adjoint calls its static copy apply_primal, whose
 * call through the pointer the read-back for second order found varied and useful, and so
 * differentiated; but the read-back holds no definition of dh (the user's file does), so its
 * dispatch had no branch and the tangent of the adjoint stopped the program
 * (adc_no_derivative; difftest seed 7105). Checked against finite differences (of the
 * function and of the gradient) and the dot-product test. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(p, q), modes(tangent, adjoint))
double dh(double p, double q) { return p * sin(q) + 0.5 * q; }

static double apply(double (*fn)(double, double), double k, double q) { return fn(k, q) * k; }

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double function_pointer_hvp_dead_value(const double *x) {
    double dead = x[0];
    double acc = x[1];
    for (int i = 0; i < 2; i++) {
        dead = apply(dh, x[0], apply(dh, 0.5, dead));
        acc = acc * apply(dh, x[0], acc);
    }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double function_pointer_hvp_dead_value_tangent(const double *x, const double *x_d, double *function_pointer_hvp_dead_value_d);
double function_pointer_hvp_dead_value_adjoint(const double *x, double *x_b, double function_pointer_hvp_dead_value_b);
double function_pointer_hvp_dead_value_grad(const double *x, double *x_grad);
int function_pointer_hvp_dead_value_hvp(const double *x, const double *x_v, double *x_hv);

#define N 2
static double primal(const double *x, void *p) {
    (void)p;
    return function_pointer_hvp_dead_value(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return function_pointer_hvp_dead_value_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return function_pointer_hvp_dead_value_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return function_pointer_hvp_dead_value_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

int main(void) {
    e2e_begin("function_pointer_hvp_dead_value");
    double x[N] = {0.7, -0.4}, g[N], v[N] = {0.3, -0.9}, hv[N];
    e2e_scalar s = {.label = "function_pointer_hvp_dead_value", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    function_pointer_hvp_dead_value_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
