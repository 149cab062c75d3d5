/* A statement whose backward sweep reads the value it leaves (`t[2] = 1.25 / (2 + x*x)`,
 * `u[0] = tanh(...)`), right before a call that overwrites that array without reading it
 * (kept.c: the caller keeps the array), given constants (an active argument would be computed
 * into a statement of its own between them). The caller must tape the array before the call, or the
 * statement's partial reads what the call left. adc up to 1d97afc numbered that read as the
 * call's own (difftest seed 900090: a dot-product test 3e-5 off, finite differences within
 * their tolerance), and taped nothing. Checked against finite differences, the dot-product
 * test and a closed form. */
#include <math.h>
#include <adc.h>

static void damp(double q, double p[3]) {
    p[0] = p[0] * 0.5 + q;
    p[1] = p[1] * 0.5;
    p[2] = p[2] * 0.5 + 0.1 * q;
}

static double scaled(double q, double p[2]) {
    p[0] = 2.0 * p[0];
    p[1] = q;
    return p[0];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double result_before_call(int n, const double *x) {
    double t[3], u[2];
    t[0] = x[0] * x[1];
    t[1] = x[1] + x[2];
    t[2] = 1.25 / (2.0 + x[2] * x[2]);
    damp(0.25, t);
    u[1] = x[0] - x[3];
    u[0] = tanh(x[1] * x[2]);
    double s = scaled(2.0, u);
    return t[0] + t[1] * t[2] + s * u[1] + x[3] * x[3] + (double)n;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double result_before_call_tangent(int n, const double *x, const double *x_d, double *result_before_call_d);
double result_before_call_adjoint(int n, const double *x, double *x_b, double result_before_call_b);
double result_before_call_grad(int n, const double *x, double *x_grad);

#define N 4

static double primal(const double *x, void *p) { (void)p; return result_before_call(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return result_before_call_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return result_before_call_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return result_before_call_adjoint(N, x, xb, seed);
}

/* f = 0.5 x0 x1 + 0.25 + 0.5 (x1 + x2) t2 + 4 tanh(x1 x2) + x3^2 + n, t2 = 0.5 r + 0.025,
 * r = 1.25 / (2 + x2^2) (u[1] = x0 - x3 is rewritten to 2). */
static void closed_form(const double *x, double *g) {
    double r = 1.25 / (2.0 + x[2] * x[2]), dr = -2.5 * x[2] / ((2.0 + x[2] * x[2]) * (2.0 + x[2] * x[2]));
    double th = tanh(x[1] * x[2]), dth = 1.0 - th * th;
    double t2 = 0.5 * r + 0.025;
    g[0] = 0.5 * x[1];
    g[1] = 0.5 * x[0] + 0.5 * t2 + 4.0 * dth * x[2];
    g[2] = 0.5 * t2 + 0.25 * (x[1] + x[2]) * dr + 4.0 * dth * x[1];
    g[3] = 2.0 * x[3];
}

int main(void) {
    e2e_begin("result_before_call");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 9001u, -0.9, 0.9);
    e2e_scalar s = {.label = "result_before_call", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    for (int i = 0; i < N; i++)
        e2e_expect_value("result_before_call", "gradient vs closed form", g[i], want[i], E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
