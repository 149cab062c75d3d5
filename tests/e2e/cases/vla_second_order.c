/* Second order and Jacobians through variable-length arrays: a parameter `const double x[n]`
 * (len(...) defaults to its declared count (n)), a local 2-D `double a[n][n]` and a row
 * `double r[n]` declared inside a loop body, in hvp, hessian and jacobian (tangent over the
 * adjoint code, which declares the arrays at the top of each sweep and zeroes them by loops,
 * read back). Checked: the first-order modes against finite differences and the dot-product
 * test, the Hessian's columns against hvp along unit vectors and against finite differences of
 * the gradient, the Hessian's symmetry, the (1 x n) Jacobian against the gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint, grad, hvp, hessian, jacobian))
double vla_energy(int n, const double x[n]) {
    double a[n][n];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            a[i][j] = x[i] * x[j] + sin(x[(i + j) % n]);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double r[n];
        for (int j = 0; j < n; j++)
            r[j] = a[i][j] * x[j];
        for (int j = 0; j < n; j++)
            r[j] = r[j] * r[(j + i) % n];
        for (int j = 0; j < n; j++)
            s += r[j];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double vla_energy_tangent(int n, const double *x, const double *x_d, double *vla_energy_d);
double vla_energy_adjoint(int n, const double *x, double *x_b, double vla_energy_b);
double vla_energy_grad(int n, const double *x, double *x_grad);
int vla_energy_hvp(int n, const double *x, const double *x_v, double *x_hv);
int vla_energy_hessian(int n, const double *x, double *hessian);
int vla_energy_jacobian(int n, const double *x, double *jacobian);

#define N 4

static double primal(const double *x, void *p) {
    (void)p;
    return vla_energy(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return vla_energy_grad(N, x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    vla_energy_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return vla_energy_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return vla_energy_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("vla_second_order");
    double x[N], g[N], h[N * N], jac[N];
    e2e_fill(x, N, 61u, -0.7, 0.7);
    e2e_scalar s = {.label = "vla_energy", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_report(vla_energy_hessian(N, x, h) == 0, s.label, "hessian status");
    e2e_expect_symmetric(s.label, h, N);
    for (int k = 0; k < N; k++) {
        double e[N] = {0}, hv[N], column[N];
        e[k] = 1.0;
        e2e_report(vla_energy_hvp(N, x, e, hv) == 0, s.label, "hvp status");
        for (int i = 0; i < N; i++)
            column[i] = h[i * N + k];
        e2e_expect_close(s.label, "hvp along a unit vector vs Hessian column", hv, column, N, E2E_EXACT_TOL);
        adc_check_result r;
        int st = adc_check_tangent(N, N, x, e, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(s.label, "Hessian column vs finite differences of the gradient", st, &r);
    }
    e2e_report(vla_energy_jacobian(N, x, jac) == 0, s.label, "jacobian status");
    e2e_expect_close(s.label, "Jacobian vs gradient", jac, g, N, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
