/* Numerical codes print as they go: Burkardt's routines report a bad knot with
 * fprintf(stderr, ...) before returning, drivers print each iterate with printf. The values
 * printed carry derivatives, but printing only reads them, so adc takes these calls as they
 * are (it refused them as opaque calls given active values before); a call it cannot see
 * into that is given an active value is still refused (tests/bad/unsupported_opaque_call.c).
 * Every mode against finite differences and the dot-product test. */
#include <math.h>
#include <stdio.h>
#include <adc.h>

int verbose = 0;

static double newton_sqrt(double a)
{
    double r = a > 1.0 ? a : 1.0;
    for (int it = 0; it < 6; it++) {
        r = 0.5 * (r + a / r);
        if (verbose)
            printf("  iterate %d: r = %.17g, residual %g\n", it, r, r * r - a);
    }
    return r;
}

ADC_DIFF(wrt(t), len(t: n), modes(tangent, adjoint, grad, hvp))
double knot_energy(int n, const double *t)
{
    double e = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        if (t[i + 1] <= t[i]) {
            fprintf(stderr, "knot_energy - Fatal error!\n  T(%d) = %g, T(%d) = %g\n", i, t[i], i + 1, t[i + 1]);
            fputs("  the knots must increase\n", stderr);
            return 0.0;
        }
        double h = t[i + 1] - t[i];
        e += newton_sqrt(h * h + 1.0) * h;
    }
    if (verbose)
        fprintf(stdout, "energy %g\n", e);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 5
double knot_energy_tangent(int n, const double *t, const double *t_d, double *f_d);
double knot_energy_adjoint(int n, const double *t, double *t_b, double f_b);
double knot_energy_grad(int n, const double *t, double *t_grad);
int knot_energy_hvp(int n, const double *t, const double *t_v, double *t_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return knot_energy(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return knot_energy_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return knot_energy_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return knot_energy_adjoint(N, x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    knot_energy_grad(N, x, g);
}

int main(void) {
    e2e_begin("printing_active_values");
    verbose = 1;
    const double t[N] = {0.0, 0.4, 1.3, 1.5, 2.6};
    e2e_scalar s = {.label = "increasing knots", .n = N, .x = t, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    /* closed form: e = sum h sqrt(h^2 + 1) (Newton has converged), de/dh = (2h^2 + 1) / sqrt(h^2 + 1) */
    double want[N] = {0};
    for (int i = 0; i + 1 < N; i++) {
        double h = t[i + 1] - t[i], d = (2.0 * h * h + 1.0) / sqrt(h * h + 1.0);
        want[i] -= d;
        want[i + 1] += d;
    }
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, 1e-9);
    double v[N] = {0.6, -0.8, 0.3, 0.5, -0.2}, hv[N];
    knot_energy_hvp(N, t, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, t, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    verbose = 0;
    const double bad[N] = {0.0, 0.4, 0.3, 1.5, 2.6}; /* the error exit: derivative 0 */
    double gb[N], zero[N] = {0};
    e2e_expect_value("decreasing knots", "value", knot_energy_grad(N, bad, gb), 0.0, E2E_EXACT_TOL);
    e2e_expect_close("decreasing knots", "grad is zero", gb, zero, N, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
