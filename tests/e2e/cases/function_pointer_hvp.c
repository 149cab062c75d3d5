/* hvp through a helper given a function pointer to an annotated function, the helper called
 * once with active and once with constant arguments (adc's adjoint code then holds static
 * copies, apply_primal(dh_primal, ...), whose address the read-back for second order saw taken
 * and refused as if they were the user's static functions: an internal failure, difftest seed
 * 118). Checked against finite
 * differences of the gradient, the dot-product test and the closed form. */
#include <math.h>
#include <adc.h>

static const double coef[2] = {0.5, -1.25};

ADC_DIFF(wrt(p, q), modes(tangent, adjoint))
double dh(double p, double q) { return p * sin(q) + coef[0] * q; }

static double apply(double (*fn)(double, double), double k, double q) {
    q = fn(k, q) + 0.5 * fn(q, k);
    return q + dh(coef[1], 0.5) * k;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double function_pointer_hvp(const double *x) { return x[0] * apply(dh, x[0], x[1]) + x[1] * apply(dh, 0.75, 0.5); }

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double function_pointer_hvp_tangent(const double *x, const double *x_d, double *function_pointer_hvp_d);
double function_pointer_hvp_adjoint(const double *x, double *x_b, double function_pointer_hvp_b);
double function_pointer_hvp_grad(const double *x, double *x_grad);
int function_pointer_hvp_hvp(const double *x, const double *x_v, double *x_hv);

#define N 2
static double primal(const double *x, void *p) {
    (void)p;
    return function_pointer_hvp(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return function_pointer_hvp_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return function_pointer_hvp_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return function_pointer_hvp_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

int main(void) {
    e2e_begin("function_pointer_hvp");
    double x[N] = {0.7, -0.4}, g[N], v[N] = {0.3, -0.9}, hv[N];
    e2e_scalar s = {.label = "function_pointer_hvp", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    function_pointer_hvp_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
