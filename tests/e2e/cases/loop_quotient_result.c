/* A loop whose last statement is a quotient `s = (c - q) / (2 + w * w)` assigned to a
 * variable the loop reads only as a copy (`q = s;`, or `q = cond ? s : 0.75;`): the backward
 * sweep takes the quotient's partial for the denominator from its result, the s the statement
 * leaves, so each trip's s must be taped. The analysis recorded that read as numbered right
 * after the statement, past the loop's last statement, and took s for unread inside the loop:
 * every trip's backward sweep used the last trip's s (difftest seed 1001702: dot-product test
 * 1.3e-3 and hvp symmetry 2.8e-2 off, the adjoint silently wrong, the tangent right). Tangent,
 * adjoint and grad against finite differences and the dot-product test, and the hvp against
 * differences of the gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double quotient_copy(int n, const double *x) {
    double s = x[0] * 0.5;
    double q = 0.0;
    for (int k = 0; k < n; k++) {
        q = s;
        s = (0.3 - q) / (2.0 + x[k] * x[k]);
    }
    return s;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double quotient_choice(int n, const double *x) {
    double s = x[0] * 0.5;
    double m = x[1];
    int k = 0;
    while (k < n) {
        m = 0.5 * m - x[n - 1];
        double q = (double)(float)m > -1.25 ? s : k * 0.75;
        s = (0.3 - q) / (2.0 + x[k] * x[k]);
        k += 1;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double quotient_copy_tangent(int n, const double *x, const double *x_d, double *quotient_copy_d);
double quotient_copy_adjoint(int n, const double *x, double *x_b, double quotient_copy_b);
double quotient_copy_grad(int n, const double *x, double *x_grad);
int quotient_copy_hvp(int n, const double *x, const double *x_v, double *x_hv);
double quotient_choice_tangent(int n, const double *x, const double *x_d, double *quotient_choice_d);
double quotient_choice_adjoint(int n, const double *x, double *x_b, double quotient_choice_b);
double quotient_choice_grad(int n, const double *x, double *x_grad);
int quotient_choice_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 4
typedef struct {
    double (*f)(int, const double *);
    double (*tangent)(int, const double *, const double *, double *);
    double (*adjoint)(int, const double *, double *, double);
    double (*grad)(int, const double *, double *);
    int (*hvp)(int, const double *, const double *, double *);
} routes;

static double primal(const double *x, void *ctx) {
    return ((const routes *)ctx)->f(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    return ((const routes *)ctx)->grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    return ((const routes *)ctx)->tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    return ((const routes *)ctx)->adjoint(N, x, xb, seed);
}

static int hvp(const double *x, const double *v, double *hv, void *ctx) {
    return ((const routes *)ctx)->hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("loop_quotient_result");
    routes copy = {quotient_copy, quotient_copy_tangent, quotient_copy_adjoint, quotient_copy_grad,
                   quotient_copy_hvp};
    routes choice = {quotient_choice, quotient_choice_tangent, quotient_choice_adjoint, quotient_choice_grad,
                     quotient_choice_hvp};
    double x[N] = {0.8, -0.3, 0.45, -0.6}, g[N];
    e2e_scalar c = {.label = "quotient_copy", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp, .ctx = &copy};
    e2e_run_scalar(&c, g);
    e2e_scalar h = {.label = "quotient_choice", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp, .ctx = &choice};
    e2e_run_scalar(&h, g);
    return e2e_finish();
}
#endif
