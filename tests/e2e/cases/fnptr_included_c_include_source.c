/* Calls through a function pointer whose targets' addresses are taken in a .c file the case
 * #includes, generated with --include-source (a user differentiating genann.c unchanged writes
 * `#include "genann.c"` above the loss: tests/e2e/included/activations.c plays genann.c). adc
 * once looked for the functions whose address is taken in the main file only: the dispatch had
 * no target and every derivative stopped the program in adc_no_derivative. FD, the
 * dot-product test, the adjoint's seed, and the closed form, for both activations. */
#include "../included/activations.c"
#include <adc.h>

ADC_DIFF(wrt(u), len(u: 1), modes(tangent, adjoint, grad))
double fnptr_included_c(const unit *u, const double *x, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += unit_run(u, x[i]);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fnptr_included_c_tangent(const unit *u, const unit *u_d, const double *x, int n, double *f_d);
double fnptr_included_c_adjoint(const unit *u, unit *u_b, const double *x, int n, double f_b);
double fnptr_included_c_grad(const unit *u, const double *x, int n, unit *u_grad);

enum { N = 5 };
static const double X[N] = {0.3, -1.2, 0.8, 2.0, -0.4};

static unit make(const double *p, int cubic) {
    unit u = {0, p[0], p[1]};
    unit_init(&u, cubic);
    return u;
}
static double primal(const double *p, void *ctx) {
    unit u = make(p, *(int *)ctx);
    return fnptr_included_c(&u, X, N);
}
static double grad(const double *p, double *g, void *ctx) {
    unit u = make(p, *(int *)ctx), ug = {0, 1e30, 1e30};
    double f = fnptr_included_c_grad(&u, X, N, &ug);
    g[0] = ug.w;
    g[1] = ug.b;
    return f;
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    unit u = make(p, *(int *)ctx), ub = {0, pb[0], pb[1]};
    double f = fnptr_included_c_adjoint(&u, &ub, X, N, seed);
    pb[0] = ub.w;
    pb[1] = ub.b;
    return f;
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    unit u = make(p, *(int *)ctx), ud = {0, dp[0], dp[1]};
    return fnptr_included_c_tangent(&u, &ud, X, N, df);
}

int main(void) {
    e2e_begin("fnptr_included_c_include_source");
    const double p[2] = {0.7, -0.3};
    for (int cubic = 0; cubic < 2; cubic++) {
        const char *label = cubic ? "cube" : "sigmoid";
        e2e_scalar c = {.label = label, .n = 2, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .ctx = &cubic};
        double g[2], want[2] = {0, 0};
        e2e_run_scalar(&c, g);
        for (int i = 0; i < N; i++) {
            double z = p[0] * X[i] + p[1], s = 1.0 / (1.0 + exp(-z));
            double slope = cubic ? 3.0 * z * z : s * (1.0 - s);
            want[0] += slope * X[i];
            want[1] += slope;
        }
        e2e_expect_close(label, "grad against the closed form", g, want, 2, E2E_CLOSED_TOL);
    }
    return e2e_finish();
}
#endif
