/* Double buffering as simulation codes write it (issue 15): two malloc'd buffers, the new
 * state computed from the old one, then the pointers swapped through a third,
 * `double *t = u; u = v; v = t;` (the SWAP macro's form: heap_swap_macro.c); three buffers
 * rotated on some steps only. Each pointer's shadow moves with it (the third pointer is a heap
 * pointer too: pointer_check.c), the backward sweep restores the pointers and their shadows
 * before it reverses the step that wrote through them, and free(u), free(v) after the swaps
 * free the blocks (and shadows) they hold then. Every mode against finite differences, the
 * dot-product test, hvp against finite differences of the gradient, the Hessian against hvp,
 * both Jacobian routes against the gradient; ASan finds any block or shadow freed twice or
 * left unfreed. */
#include <stdlib.h>
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(u0), len(u0: n), modes(tangent, tangent_vector, adjoint, grad, hvp, hessian, jacobian), vector(2))
double heat(const double *u0, int n, int steps)
{
    double *u = malloc(n * sizeof(double));
    double *v = malloc(n * sizeof(double));
    memcpy(u, u0, n * sizeof(double));
    for (int s = 0; s < steps; s++) {
        v[0] = u[0]; v[n-1] = u[n-1];
        for (int i = 1; i < n - 1; i++)
            v[i] = u[i] + 0.1 * (u[i-1] - 2*u[i] + u[i+1]) * u[i];
        double *t = u; u = v; v = t;
    }
    double f = 0;
    for (int i = 0; i < n; i++) f += u[i] * u[i];
    free(u); free(v);
    return f;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double rotate(const double *x, int n, int steps)
{
    double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = calloc(n, sizeof(double));
    double *t;
    for (int i = 0; i < n; i++) {
        a[i] = x[i];
        b[i] = x[i] * x[i];
    }
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < n; i++)
            c[i] = a[i] * b[(i + 1) % n] - 0.3 * c[i];
        if (s % 3 != 1) { /* a <- b <- c <- a on some steps only */
            t = a;
            a = b;
            b = c;
            c = t;
        }
    }
    double f = 0;
    for (int i = 0; i < n; i++)
        f += a[i] + 2.0 * b[i] * c[i];
    free(c);
    free(a);
    free(b);
    return f;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heat_tangent(const double *u0, const double *u0_d, int n, int steps, double *heat_d);
double heat_tangent_vector(const double *u0, const double (*u0_d)[2], int n, int steps, double *heat_d);
double heat_adjoint(const double *u0, double *u0_b, int n, int steps, double heat_b);
double heat_grad(const double *u0, int n, int steps, double *u0_grad);
int heat_hvp(const double *u0, const double *u0_v, double *u0_hv, int n, int steps);
int heat_hessian(const double *u0, int n, int steps, double *hessian);
int heat_jacobian_forward(const double *u0, int n, int steps, double *jacobian);
int heat_jacobian_reverse(const double *u0, int n, int steps, double *jacobian);
double rotate_tangent(const double *x, const double *x_d, int n, int steps, double *f_d);
double rotate_adjoint(const double *x, double *x_b, int n, int steps, double f_b);
double rotate_grad(const double *x, int n, int steps, double *x_grad);
int rotate_hvp(const double *x, const double *x_v, double *x_hv, int n, int steps);

enum { N = 6, STEPS = 5 };

static double heat_f(const double *x, void *p) { (void)p; return heat(x, N, STEPS); }
static double heat_g(const double *x, double *g, void *p) { (void)p; return heat_grad(x, N, STEPS, g); }
static void heat_gradient(const double *x, double *g, void *p) { (void)p; heat_grad(x, N, STEPS, g); }
static double heat_t(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heat_tangent(x, v, N, STEPS, dv);
}
static double heat_a(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heat_adjoint(x, xb, N, STEPS, seed);
}
static int heat_h(const double *x, const double *v, double *hv) { return heat_hvp(x, v, hv, N, STEPS); }

static double rotate_f(const double *x, void *p) { (void)p; return rotate(x, N, STEPS); }
static double rotate_g(const double *x, double *g, void *p) { (void)p; return rotate_grad(x, N, STEPS, g); }
static void rotate_gradient(const double *x, double *g, void *p) { (void)p; rotate_grad(x, N, STEPS, g); }
static double rotate_t(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return rotate_tangent(x, v, N, STEPS, dv);
}
static double rotate_a(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return rotate_adjoint(x, xb, N, STEPS, seed);
}
static int rotate_h(const double *x, const double *v, double *hv) { return rotate_hvp(x, v, hv, N, STEPS); }

/* hvp along two directions against finite differences of the gradient, and symmetry. */
static void check_hvp(const char *label, int n, const double *x, int (*hvp)(const double *, const double *, double *),
                      void (*gradient)(const double *, double *, void *)) {
    double u[N], w[N], hu[N], hw[N];
    e2e_fill(u, n, 91u, -1.0, 1.0);
    e2e_fill(w, n, 92u, -1.0, 1.0);
    e2e_expect_value(label, "hvp returns 0", hvp(x, u, hu) + hvp(x, w, hw), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(n, n, x, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value(label, "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, n), e2e_dot(u, hw, n),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, n))));
}

int main(void) {
    e2e_begin("heap_swap_buffers");
    double x[N], g[N];
    e2e_fill(x, N, 90u, 0.2, 0.9);

    e2e_scalar heat_case = {.label = "heat", .n = N, .x = x, .f = heat_f, .grad = heat_g, .tangent = heat_t,
                            .adjoint = heat_a};
    e2e_run_scalar(&heat_case, g);
    double dirs[N][2], dv[2];
    for (int i = 0; i < N; i++) {
        dirs[i][0] = 0.5 - 0.25 * i;
        dirs[i][1] = i % 2 ? 1.0 : -0.75;
    }
    heat_tangent_vector(x, (const double (*)[2])dirs, N, STEPS, dv);
    for (int w = 0; w < 2; w++) {
        double want = 0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][w];
        e2e_expect_value("heat", "vector tangent = grad . direction", dv[w], want, 1e-12 * (1.0 + fabs(want)));
    }
    double jf[N], jr[N];
    e2e_expect_value("heat", "jacobian routes return 0",
                     heat_jacobian_forward(x, N, STEPS, jf) + heat_jacobian_reverse(x, N, STEPS, jr), 0.0, 0.0);
    e2e_expect_close("heat", "Jacobian by tangents = grad", jf, g, N, 1e-12);
    e2e_expect_close("heat", "Jacobian by adjoints = grad", jr, g, N, 1e-12);
    check_hvp("heat", N, x, heat_h, heat_gradient);
    double h[N * N], col[N];
    e2e_expect_value("heat", "hessian returns 0", heat_hessian(x, N, STEPS, h), 0.0, 0.0);
    e2e_expect_symmetric("heat", h, N);
    for (int k = 0; k < N; k++) {
        double unit[N] = {0};
        unit[k] = 1.0;
        heat_h(x, unit, col);
        for (int i = 0; i < N; i++)
            e2e_expect_value("heat", "Hessian column vs hvp of the unit direction", h[i * N + k], col[i],
                             1e-12 * (1.0 + fabs(col[i])));
    }

    e2e_scalar rotate_case = {.label = "rotation", .n = N, .x = x, .f = rotate_f, .grad = rotate_g,
                              .tangent = rotate_t, .adjoint = rotate_a};
    e2e_run_scalar(&rotate_case, NULL);
    check_hvp("rotation", N, x, rotate_h, rotate_gradient);
    return e2e_finish();
}
#endif
