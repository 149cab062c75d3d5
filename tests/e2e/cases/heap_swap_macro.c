/* Double buffering through a swap macro, as many simulation codes write it (issue 15):
 * `#define SWAP(a, b) { double *tmp_ = a; a = b; b = tmp_; }` on two malloc'd buffers, then
 * writes through both names after the swap. The macro's block-local temporary is a heap
 * pointer too (pointer_check.c): every shadow moves with its pointer. Tangent, adjoint and grad
 * against finite differences and the dot-product test, hvp against finite differences of the
 * gradient; ASan finds any block or shadow freed twice or left unfreed. heap_swap_buffers.c
 * has the swap written out. Needs libclang >= 17 (the macro's body holds the assignments). */
#include <stdlib.h>
#include <adc.h>

#define SWAP(a, b) { double *tmp_ = a; a = b; b = tmp_; }

ADC_DIFF(wrt(u0, k), len(u0: n), modes(tangent, adjoint, grad, hvp))
double reaction(const double *u0, double k, int n, int steps)
{
    double *unew = malloc(n * sizeof(double));
    double *u = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        u[i] = u0[i];
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < n; i++) {
            double left = u[(i + n - 1) % n], right = u[(i + 1) % n];
            unew[i] = u[i] + 0.2 * (left - 2.0 * u[i] + right) + k * u[i] * (1.0 - u[i]);
        }
        SWAP(u, unew);
        u[0] *= 1.0 + 0.01 * unew[1]; /* through both names after the swap */
    }
    double f = 0;
    for (int i = 0; i < n; i++)
        f += u[i] * unew[i];
    free(unew);
    free(u);
    return f;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double reaction_tangent(const double *u0, const double *u0_d, double k, double k_d, int n, int steps, double *f_d);
double reaction_adjoint(const double *u0, double *u0_b, double k, double *k_b, int n, int steps, double f_b);
double reaction_grad(const double *u0, double k, int n, int steps, double *u0_grad, double *k_grad);
int reaction_hvp(const double *u0, const double *u0_v, double *u0_hv, double k, const double k_v, double *k_hv,
                 int n, int steps);

enum { N = 6, STEPS = 5 };

/* x = (u0[0..N), k) */
static double f(const double *x, void *p) { (void)p; return reaction(x, x[N], N, STEPS); }
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return reaction_grad(x, x[N], N, STEPS, g, &g[N]);
}
static void gradient(const double *x, double *g, void *p) { (void)grad(x, g, p); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return reaction_tangent(x, v, x[N], v[N], N, STEPS, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return reaction_adjoint(x, xb, x[N], &xb[N], N, STEPS, seed);
}
static int hvp(const double *x, const double *v, double *hv) {
    return reaction_hvp(x, v, hv, x[N], v[N], &hv[N], N, STEPS);
}

int main(void) {
    e2e_begin("heap_swap_macro");
    double x[N + 1], u[N + 1], w[N + 1], hu[N + 1], hw[N + 1];
    e2e_fill(x, N + 1, 90u, 0.2, 0.9);
    e2e_scalar c = {.label = "SWAP macro", .n = N + 1, .x = x, .f = f, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&c, NULL);
    e2e_fill(u, N + 1, 91u, -1.0, 1.0);
    e2e_fill(w, N + 1, 92u, -1.0, 1.0);
    e2e_expect_value("SWAP macro", "hvp returns 0", hvp(x, u, hu) + hvp(x, w, hw), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N + 1, N + 1, x, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("SWAP macro", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("SWAP macro", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N + 1), e2e_dot(u, hw, N + 1),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, N + 1))));
    return e2e_finish();
}
#endif
