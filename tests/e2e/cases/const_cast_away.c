/* Const cast away, as legacy code does to call a helper written without const:
 * `double *xr = (double *)x;` for a const double *x, then `p = xr + 1`, `wsum(xr, n, a)`, and
 * a write through the cast pointer that is undone later. The forward and backward sweeps
 * started the pointers at `x` itself (`double *xr = x;`), and the hvp offset the tangent of
 * one from `x_d`, a const double *: generated files that did not compile. They now cast as the
 * program did. Gradient and hvp checked against finite differences, tangent vs adjoint (the
 * dot-product test), and the gradient against the closed form. */
#include <adc.h>

static double wsum(double *v, int n, double a) {
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i] * a;
    return s;
}

ADC_DIFF(wrt(a, x), len(x: n), modes(tangent, adjoint, grad, hvp))
double const_cast_away(double a, int n, const double *x) {
    double *xr = (double *)x;
    double *p = xr + 1;
    double s = wsum(xr, n, a) + p[0] * p[1];
    xr[0] = xr[0] * 3.0;
    s += x[0] * x[0];
    xr[0] = xr[0] / 3.0;
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double const_cast_away_tangent(double a, double a_d, int n, const double *x, const double *x_d, double *const_cast_away_d);
double const_cast_away_adjoint(double a, double *a_b, int n, const double *x, double *x_b, double const_cast_away_b);
double const_cast_away_grad(double a, int n, const double *x, double *a_grad, double *x_grad);
int const_cast_away_hvp(double a, double a_v, double *a_hv, int n, const double *x, const double *x_v, double *x_hv);

#define N 3

static double primal(const double *z, void *p) { (void)p; return const_cast_away(z[0], N, z + 1); }
static double grad(const double *z, double *g, void *p) { (void)p; return const_cast_away_grad(z[0], N, z + 1, g, g + 1); }
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    return const_cast_away_tangent(z[0], v[0], N, z + 1, v + 1, dv);
}
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    return const_cast_away_adjoint(z[0], zb, N, z + 1, zb + 1, seed);
}
static int hvp(const double *z, const double *v, double *hv, void *p) {
    (void)p;
    return const_cast_away_hvp(z[0], v[0], hv, N, z + 1, v + 1, hv + 1);
}

int main(void) {
    e2e_begin("const_cast_away");
    double z[1 + N] = {0.8, 0.6, -0.7, 1.1}, g[1 + N];
    e2e_scalar s = {.label = "cast", .n = 1 + N, .x = z, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    /* f = a (x0 + x1 + x2) + x1 x2 + 9 x0^2 */
    double want[1 + N] = {z[1] + z[2] + z[3], z[0] + 18.0 * z[1], z[0] + z[3], z[0] + z[2]};
    e2e_expect_close("cast", "gradient vs closed form", g, want, 1 + N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
