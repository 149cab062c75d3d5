/* User names equal to names adc derives (issue 18, tests/difftest bug 2): parameters x_d beside
 * x, f_b (the seed of f's adjoint), value_d beside a local value, a local t2_b, a global y_d
 * read beside a parameter y, and helpers h_tangent, h_forward, h_reverse beside h (the names
 * of h's derivatives). The front end renames the parameters (x_d_2, f_b_2, y_2: the tangent of
 * y is y_2_d), the static derivatives of h_tangent etc. take free names, and a helper's name
 * taken by the user is refused only for what the user's interface needs (tests/bad). Every
 * mode against finite differences, tangent against gradient (dot product), the adjoint's seed
 * and increments, hvp against finite differences of the gradient and its symmetry. */
#include <math.h>
#include <adc.h>

double y_d = 0.25;

static double h(double p) { return p * p; }
static double h_tangent(double p) { return sin(p); }
static double h_forward(double p) { return p * 0.5 + 1.0; }
static double h_reverse(double p) { return exp(0.25 * p); }

ADC_DIFF(wrt(x, x_d, f_b, value_d, y), len(x: n, x_d: n), modes(tangent, adjoint, grad, hvp))
double f(int n, const double *x, const double *x_d, double f_b, double value_d, double y) {
    double value = f_b * y + value_d;
    double s = value * y_d * value_d;
    for (int i = 0; i < n; i++) {
        double t2_b = x[i] * x_d[i];
        s += t2_b * value + h(x[i]) * h_tangent(x_d[i]) + h_forward(f_b) * h_reverse(y * value_d);
    }
    return s;
}

/* Reads the global y_d: its tangent was the parameter y_d, a silently wrong derivative. */
ADC_DIFF(wrt(y), modes(tangent, adjoint, grad))
double g(double y) {
    return y * y * y_d;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double f_tangent(int n, const double *x, const double *x_d, const double *x_d_2, const double *x_d_2_d, double f_b_2,
                 double f_b_2_d, double value_d_2, double value_d_2_d, double y_2, double y_2_d, double *f_d);
double f_adjoint(int n, const double *x, double *x_b, const double *x_d_2, double *x_d_2_b, double f_b_2,
                 double *f_b_2_b, double value_d_2, double *value_d_2_b, double y_2, double *y_2_b, double f_b);
double f_grad(int n, const double *x, const double *x_d_2, double f_b_2, double value_d_2, double y_2, double *x_grad,
              double *x_d_2_grad, double *f_b_2_grad, double *value_d_2_grad, double *y_2_grad);
int f_hvp(int n, const double *x, const double *x_v, double *x_hv, const double *x_d, const double *x_d_v,
          double *x_d_hv, double f_b, double f_b_v, double *f_b_hv, double value_d, double value_d_v,
          double *value_d_hv, double y, double y_v, double *y_hv);
double g_tangent(double y, double y_d, double *g_d);
double g_adjoint(double y, double *y_b, double g_b);
double g_grad(double y, double *y_grad);

enum { K = 3, N = 2 * K + 3 }; /* packed: x[K], x_d[K], f_b, value_d, y */

static double primal(const double *p, void *c) {
    (void)c;
    return f(K, p, p + K, p[2 * K], p[2 * K + 1], p[2 * K + 2]);
}
static double grad(const double *p, double *gr, void *c) {
    (void)c;
    return f_grad(K, p, p + K, p[2 * K], p[2 * K + 1], p[2 * K + 2], gr, gr + K, gr + 2 * K, gr + 2 * K + 1,
                  gr + 2 * K + 2);
}
static void grad_vector(const double *p, double *gr, void *c) {
    grad(p, gr, c);
}
static double tangent(const double *p, const double *v, double *dv, void *c) {
    (void)c;
    return f_tangent(K, p, v, p + K, v + K, p[2 * K], v[2 * K], p[2 * K + 1], v[2 * K + 1], p[2 * K + 2],
                     v[2 * K + 2], dv);
}
static double adjoint(const double *p, double *pb, double seed, void *c) {
    (void)c;
    return f_adjoint(K, p, pb, p + K, pb + K, p[2 * K], pb + 2 * K, p[2 * K + 1], pb + 2 * K + 1, p[2 * K + 2],
                     pb + 2 * K + 2, seed);
}
static void hvp(const double *p, const double *v, double *hv) {
    f_hvp(K, p, v, hv, p + K, v + K, hv + K, p[2 * K], v[2 * K], hv + 2 * K, p[2 * K + 1], v[2 * K + 1],
          hv + 2 * K + 1, p[2 * K + 2], v[2 * K + 2], hv + 2 * K + 2);
}

static double g_primal(const double *y, void *c) {
    (void)c;
    return g(y[0]);
}
static double g_grad1(const double *y, double *gr, void *c) {
    (void)c;
    return g_grad(y[0], gr);
}
static double g_tangent1(const double *y, const double *v, double *dv, void *c) {
    (void)c;
    return g_tangent(y[0], v[0], dv);
}
static double g_adjoint1(const double *y, double *yb, double seed, void *c) {
    (void)c;
    return g_adjoint(y[0], yb, seed);
}

int main(void) {
    e2e_begin("param_shadow_names");
    const double p[N] = {0.7, -0.8, 0.4, 0.3, -0.5, 0.9, 1.1, -0.6, 0.45};
    double gr[N];
    e2e_scalar s = {.label = "f", .n = N, .x = p, .f = primal, .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, gr);
    double u[N], w[N], hu[N], hw[N];
    e2e_fill(u, N, 3u, -1.0, 1.0);
    e2e_fill(w, N, 5u, -1.0, 1.0);
    hvp(p, u, hu);
    hvp(p, w, hw);
    adc_check_result r;
    int st = adc_check_tangent(N, N, p, u, hu, grad_vector, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "hvp vs finite differences of grad", st, &r);
    double a = e2e_dot(w, hu, N), b = e2e_dot(u, hw, N);
    e2e_expect_value(s.label, "hvp symmetry <w, H u> = <u, H w>", a, b, E2E_EXACT_TOL);

    const double y[1] = {0.8};
    double gy;
    e2e_scalar t = {.label = "g", .n = 1, .x = y, .f = g_primal, .grad = g_grad1, .tangent = g_tangent1,
                    .adjoint = g_adjoint1};
    e2e_run_scalar(&t, &gy);
    e2e_expect_value(t.label, "grad vs closed form 2 y y_d", gy, 2.0 * y[0] * y_d, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
