/* A local struct of pointers in a helper (f), pointing to f's parameters, which the caller
 * gives its own local array (y) and a pointer into its parameter (p + 1). The forward sweep
 * tapes the struct, pointers and all; its pointer to y pointed into the caller's forward
 * sweep, gone when the backward sweep read it back (difftest seed 1020, README bug 49: the
 * gradient was 2 instead of 2.6, the Hessian 3.05 instead of 2.34, silently). The backward
 * sweep now points such members to its own parameters again. Gradient against FD and the
 * closed form, tangent (dot test), adjoint, hvp and hessian against the closed form. */
#include <adc.h>

typedef struct { int n; const double *x; int m; double *y; double c; } sys_t;

static double g(const sys_t *t, double q) {
    return t->y[0] * t->y[0] * q + t->x[0] * t->c;
}

static double f(double a, int n, const double *x, int m, double *y) {
    sys_t s = {n, x, m, y, a * y[0]};
    return g(&s, a) * a;
}

/* p = (a, x, y): a^2 y^2 + a^2 x y */
ADC_DIFF(wrt(p), len(p: 3), modes(tangent, adjoint, grad, hvp, hessian))
double fh(const double *p) {
    double y[1] = {p[2]};
    return f(p[0], 1, p + 1, 1, y);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fh_tangent(const double *p, const double *p_d, double *fh_d);
double fh_adjoint(const double *p, double *p_b, double fh_b);
double fh_grad(const double *p, double *p_grad);
int fh_hvp(const double *p, const double *p_v, double *p_hv);
int fh_hessian(const double *p, double *hessian);

static double primal(const double *p, void *ctx) {
    (void)ctx;
    return fh(p);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    return fh_grad(p, g);
}
static double tangent(const double *p, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return fh_tangent(p, v, dv);
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    (void)ctx;
    return fh_adjoint(p, pb, seed);
}

int main(void) {
    e2e_begin("struct_local_caller_array");
    const double p[3] = {0.7, -0.4, 1.3};
    double a = p[0], x = p[1], y = p[2], g[3], h[9], hv[3];
    e2e_scalar c = {.label = "fh", .n = 3, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&c, g);
    const double want_g[3] = {2 * a * y * y + 2 * a * x * y, a * a * y, 2 * a * a * y + a * a * x};
    e2e_expect_close("fh", "gradient against the closed form", g, want_g, 3, E2E_CLOSED_TOL);
    const double want_h[9] = {2 * y * y + 2 * x * y, 2 * a * y, 4 * a * y + 2 * a * x,
                              2 * a * y, 0.0, a * a,
                              4 * a * y + 2 * a * x, a * a, 2 * a * a};
    e2e_expect_value("fh", "hessian returns 0", fh_hessian(p, h), 0.0, 0.0);
    e2e_expect_close("fh", "Hessian against the closed form", h, want_h, 9, E2E_CLOSED_TOL);
    const double v[3] = {0.3, -1.1, 0.6};
    fh_hvp(p, v, hv);
    double want_hv[3];
    for (int i = 0; i < 3; i++)
        want_hv[i] = want_h[3 * i] * v[0] + want_h[3 * i + 1] * v[1] + want_h[3 * i + 2] * v[2];
    e2e_expect_close("fh", "hvp against the closed form", hv, want_hv, 3, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
