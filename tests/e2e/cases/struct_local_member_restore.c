/* Writes through a member of a local struct of pointers to a parameter (s.y[k] = ..., with
 * s = {n, x, m, y, c}) are undone by the backward sweep like writes to y by its name: f_hvp
 * and f_adjoint leave y as on entry. They did not (difftest seed 123, README bug 46): f_hvp
 * left y as f leaves it, so a second f_hvp on the same arrays gave the Hessian at another
 * point. Gradient against FD, tangent (dot test), hvp against FD of the gradient, y after
 * f_hvp and f_adjoint, and a second f_hvp on the same arrays against the first. */
#include <adc.h>

typedef struct { int n; const double *x; int m; double *y; double c; } sys_t;

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad, hvp))
double relax(double a, int n, const double *x, int m, double *y) {
    sys_t s = {n, x, m, y, a * a};
    s.y[0] = 0.5 * s.y[0] + a;
    return s.c * y[0] + y[m - 1] * x[0];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double relax_tangent(double a, double a_d, int n, const double *x, const double *x_d, int m, double *y,
                     double *y_d, double *relax_d);
double relax_adjoint(double a, double *a_b, int n, const double *x, double *x_b, int m, double *y,
                     double *y_b, double relax_b);
double relax_grad(double a, int n, const double *x, int m, double *y, double *a_grad, double *x_grad,
                  double *y_grad);
int relax_hvp(double a, const double a_v, double *a_hv, int n, const double *x, const double *x_v,
              double *x_hv, int m, double *y, const double *y_v, double *y_hv);

enum { N = 2, M = 3, P = 1 + N + M };

static double primal(const double *p, void *ctx) {
    (void)ctx;
    double y[M];
    memcpy(y, p + 1 + N, sizeof y);
    return relax(p[0], N, p + 1, M, y);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    double y[M];
    memcpy(y, p + 1 + N, sizeof y);
    return relax_grad(p[0], N, p + 1, M, y, g, g + 1, g + 1 + N);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double y[M], y_d[M];
    memcpy(y, p + 1 + N, sizeof y);
    memcpy(y_d, dp + 1 + N, sizeof y_d);
    return relax_tangent(p[0], dp[0], N, p + 1, dp + 1, M, y, y_d, df);
}
static void gradient(const double *p, double *g, void *ctx) {
    grad(p, g, ctx);
}

int main(void) {
    e2e_begin("struct_local_member_restore");
    double p[P];
    e2e_fill(p, P, 3u, -0.9, 0.9);
    e2e_scalar c = {.label = "relax", .n = P, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);

    double y[M], dir[P], hv[P], again[P];
    memcpy(y, p + 1 + N, sizeof y);
    e2e_fill(dir, P, 9u, -1.0, 1.0);
    int status = relax_hvp(p[0], dir[0], hv, N, p + 1, dir + 1, hv + 1, M, y, dir + 1 + N, hv + 1 + N);
    e2e_expect_value("hvp", "hvp returns 0", status, 0.0, 0.0);
    e2e_expect_close("hvp", "y as on entry after hvp", y, p + 1 + N, M, 0.0);
    relax_hvp(p[0], dir[0], again, N, p + 1, dir + 1, again + 1, M, y, dir + 1 + N, again + 1 + N);
    e2e_expect_close("hvp", "a second hvp on the same arrays", again, hv, P, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(P, P, p, dir, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("hvp", "Hessian-vector product vs finite differences of the gradient", st, &r);

    double b[P] = {0};
    relax_adjoint(p[0], b, N, p + 1, b + 1, M, y, b + 1 + N, 1.0);
    e2e_expect_close("adjoint", "y as on entry after the adjoint", y, p + 1 + N, M, 0.0);
    return e2e_finish();
}
#endif
