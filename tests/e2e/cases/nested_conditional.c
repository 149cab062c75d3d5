/* A ?: nested in a branch of another ?: (and a call in a branch) runs only when its branch is chosen: with n == 0 the guarded integer division 10 / n must not be evaluated (it would raise SIGFPE), and derivatives stay right on every path. */
#include <math.h>
#include <adc.h>

static double scaled(double x, int n) {
    return x * (10 / n);
}

ADC_DIFF(wrt(x))
double nested_conditional(int n, double x) {
    return n > 0 ? (x > 0 ? scaled(x, n) : x * x) : (n < 0 ? x / (10 / n) : sqrt(x * x + 1.0));
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double nested_conditional_tangent(int n, double x, double x_d, double *nested_conditional_d);
double nested_conditional_adjoint(int n, double x, double *x_b, double nested_conditional_b);
double nested_conditional_grad(int n, double x, double *x_grad);

static int mode_n;
static double primal(const double *x, void *p) {
    (void)p;
    return nested_conditional(mode_n, x[0]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return nested_conditional_grad(mode_n, x[0], &g[0]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return nested_conditional_tangent(mode_n, x[0], v[0], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return nested_conditional_adjoint(mode_n, x[0], &xb[0], seed);
}

int main(void) {
    e2e_begin("nested_conditional");
    static const int ns[] = {0, 0, 2, 2, -5};
    static const double xs[] = {0.7, -1.3, 0.6, -0.8, 1.1};
    for (int k = 0; k < 5; k++) {
        mode_n = ns[k];
        double g[1];
        const char *label = ns[k] == 0 ? "n = 0" : ns[k] > 0 ? "n > 0" : "n < 0";
        e2e_scalar s = {.label = label, .n = 1, .x = &xs[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, g);
    }
    return e2e_finish();
}
#endif
