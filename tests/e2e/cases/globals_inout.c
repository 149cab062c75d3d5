/* Globals as inputs and outputs (the convention of README "Globals"): u is state the caller
 * sets and the step function reads and overwrites, named in wrt(...), so its shadow is an
 * in-out the caller seeds, like an in-out array parameter's: u_d holds u's direction on entry and its tangent on return, u_b the seed
 * of u's final value on entry and the adjoint of u's value on entry on return, and f_grad
 * zeroes u_b first, leaving df/du there. rate is set from x by a helper; scale, inactive, is
 * changed by a helper between two uses (reverse mode used to refuse it; the backward sweep
 * now restores it). */
#include <math.h>
#include <adc.h>

#define N 3

double u[N];
double rate;
double scale = 2.0;

static void set_rate(double r)
{
    rate = r * r;
}

static void bump(void)
{
    scale = scale + 1.0;
}

static void step(double h)
{
    double old0 = u[0];
    for (int i = 0; i + 1 < N; i++)
        u[i] += h * (rate * u[i + 1] - u[i] * u[i]);
    u[N - 1] += h * scale * sin(old0);
}

ADC_DIFF(wrt(x, u), len(x: 2), modes(tangent, adjoint, grad))
double globals_inout(const double *x)
{
    set_rate(x[0]);
    double y = scale * u[0];
    for (int k = 0; k < 3; k++) {
        step(x[1]);
        bump();
    }
    scale = 2.0;
    return y + u[0] * u[1] + scale * u[2];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double globals_inout_tangent(const double *x, const double *x_d, double *globals_inout_d);
double globals_inout_adjoint(const double *x, double *x_b, double globals_inout_b);
double globals_inout_grad(const double *x, double *x_grad);
extern double u_d[N], u_b[N], rate_d, rate_b;

static const double u0[N] = {0.3, -0.4, 0.8};
static double x0[2] = {0.7, 0.2};

/* Each call starts from u0, with no direction on u and no seed on its final value. */
static void reset(void) {
    memcpy(u, u0, sizeof u);
    memset(u_d, 0, sizeof u_d);
    memset(u_b, 0, sizeof u_b);
}
static double primal(const double *x, void *p) {
    (void)p;
    reset();
    return globals_inout(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    reset();
    return globals_inout_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    reset();
    return globals_inout_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    reset();
    return globals_inout_adjoint(x, xb, seed);
}
/* f as a function of u's value on entry. */
static double of_u(const double *u_in, void *p) {
    (void)p;
    memcpy(u, u_in, sizeof u);
    return globals_inout(x0);
}

int main(void) {
    e2e_begin("globals_inout");
    double g[2];
    e2e_scalar s = {.label = "globals_inout", .n = 2, .x = x0, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* u_b after f_grad: df/du on entry, against finite differences; u is restored. */
    grad(x0, g, NULL);
    double du[N];
    memcpy(du, u_b, sizeof du);
    e2e_expect_close("globals_inout", "grad restores u as on entry", u, u0, N, 0.0);
    e2e_expect_value("globals_inout", "grad restores scale as on entry", scale, 2.0, 0.0);
    adc_check_result r;
    int st = adc_check_gradient(N, u0, du, of_u, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("globals_inout", "u_b after grad vs finite differences in u", st, &r);
    /* Dot-product test through the globals: the tangent along (x_d, u_d) = (v, w) against the
     * adjoint with seeds (f_b, u_b) = (c, z): <f_d, c> + <u_d out, z> = <v, x_b> + <w, u_b out>. */
    double v[2] = {0.3, -0.6}, w[N] = {0.5, 0.25, -1.0}, z[N] = {-0.2, 0.7, 0.4}, c = 1.5, f_d, xb[2] = {0, 0};
    reset();
    memcpy(u_d, w, sizeof u_d);
    globals_inout_tangent(x0, v, &f_d);
    double lhs = c * f_d;
    for (int i = 0; i < N; i++)
        lhs += u_d[i] * z[i];
    reset();
    memcpy(u_b, z, sizeof u_b);
    globals_inout_adjoint(x0, xb, c);
    double rhs = v[0] * xb[0] + v[1] * xb[1];
    for (int i = 0; i < N; i++)
        rhs += w[i] * u_b[i];
    e2e_expect_value("globals_inout", "dot-product test with global directions and seeds", lhs, rhs,
                     E2E_EXACT_TOL * (fabs(lhs) + 1.0));
    e2e_expect_value("globals_inout", "rate_b after the adjoint (rate is set before it is read)", rate_b, 0.0, 0.0);
    return e2e_finish();
}
#endif
