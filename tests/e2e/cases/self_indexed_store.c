/* A store whose index reads the table it stores to: `t[t[2]] = (t[t[2]] + k) % 4` changes its
 * own index when t[2] == 2. The backward sweep restores the table to find the elements the
 * earlier statements wrote through it (`v[t[2]] = ...`); adc up to 05aaa53 found the element
 * to restore again after the store, with the new t[2], restored another one, and gave v[2]'s
 * adjoint to the wrong element (difftest seed 900029, entry 131: a dot-product test 1.4e-2
 * off). The same through a helper given the address, `bump(&t[t[1]], 2)`, and through a
 * pointer offset, `*(t + t[0] - 1) += 1` (the old adc restored t[2] for
 * `bump`'s store to t[1], and `v[t[2]] *= x[4]` gave its adjoint to v[1]). Checked against finite differences, the dot-product
 * test and a closed form. */
#include <math.h>
#include <adc.h>

static void bump(int *p, int k) {
    *p = (*p + k) % 4;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double self_indexed_store(int n, const double *x) {
    int t[4];
    double v[4];
    for (int k = 0; k < 4; k++) {
        t[k] = (2 * k + 2) % 4;
        v[k] = x[k % n] * x[(k + 1) % n];
    }
    v[t[2]] = x[0] * x[1];
    for (int k = 1; k < 4; k++)
        t[t[2]] = (t[t[2]] + k) % 4;
    *(t + t[0] - 1) += 1;
    v[t[2]] *= x[4];
    bump(&t[t[1]], 1);
    double s = 0.0;
    for (int k = 0; k < 4; k++)
        s += v[t[k] % 4] * v[k];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double self_indexed_store_tangent(int n, const double *x, const double *x_d, double *self_indexed_store_d);
double self_indexed_store_adjoint(int n, const double *x, double *x_b, double self_indexed_store_b);
double self_indexed_store_grad(int n, const double *x, double *x_grad);

#define N 5

static double primal(const double *x, void *p) { (void)p; return self_indexed_store(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return self_indexed_store_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return self_indexed_store_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return self_indexed_store_adjoint(N, x, xb, seed);
}

/* t = {2, 0, 2, 0}; v = {A, B, A, C} with A = x0 x1, B = x1 x2, C = x3 x4 (v[2] overwritten);
 * the loop makes t = {2, 0, 3, 1}, then t[1] += 1: {2, 1, 3, 1}; v[3] *= x4: D = x3 x4^2; bump
 * makes t[1] = 2: t = {2, 2, 3, 1}. f = v2 v0 + v2 v1 + v3 v2 + v1 v3 = A^2 + A B + D A + B D. */
static void closed_form(const double *x, double *g) {
    double A = x[0] * x[1], B = x[1] * x[2], D = x[3] * x[4] * x[4];
    double fA = 2.0 * A + B + D, fB = A + D, fD = A + B;
    g[0] = fA * x[1];
    g[1] = fA * x[0] + fB * x[2];
    g[2] = fB * x[1];
    g[3] = fD * x[4] * x[4];
    g[4] = fD * 2.0 * x[3] * x[4];
}

int main(void) {
    e2e_begin("self_indexed_store");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 900029u, -0.9, 0.9);
    e2e_scalar s = {.label = "self_indexed_store", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    for (int i = 0; i < N; i++)
        e2e_expect_value("self_indexed_store", "gradient vs closed form", g[i], want[i], E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
