/* A helper parameter whose value never reaches an output, by two routes (tests/difftest bug 6,
 * its parameter forms): bump's s is active at the call but not in bump (it only decides a
 * branch), and the vector tangent copied its directions into a local set but never read
 * (-Wunused-but-set-variable, or -Wunused-parameter once not copied); settle's p is updated in
 * a loop and never read after it, so the backward sweep restores it from the tape and the
 * tangent of that sweep (hvp) set a parameter never read (-Wunused-but-set-parameter), and
 * the adjoint of r (overwritten by a constant) only incremented, which clang counts as set but
 * not used (e2e.generated_compiles_with_clang). Every
 * mode against finite differences, tangent against adjoint, the vector tangent against the
 * tangent, hvp against a closed form. */
#include <math.h>
#include <adc.h>

static void bump(double *p, double s) {
    s /= 2.0 + s * s;
    if (s > 10.0)
        p[0] += 1.0;
    p[0] *= p[0];
}

static double settle(double p, double q) {
    double r = q * p;
    r = 0.3;
    double buf[3] = {-r, p + r, q};
    for (int k = 1; k < 2; k++) {
        for (int j = 2; j >= 0; j--)
            p = 0.5 * p + buf[j];
        buf[2] *= buf[k];
    }
    return r + buf[2];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double unread(int n, const double *x) {
    double acc[1] = {x[0]};
    bump(acc, x[n - 1]);
    return acc[0] * x[1] + settle(x[1], x[2]) * x[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double unread_tangent(int n, const double *x, const double *x_d, double *unread_d);
double unread_tangent_vector(int n, const double *x, const double (*x_d)[2], double *unread_d);
double unread_adjoint(int n, const double *x, double *x_b, double unread_b);
double unread_grad(int n, const double *x, double *x_grad);
int unread_hvp(int n, const double *x, const double *x_v, double *x_hv);

enum { N = 4 };

static double primal(const double *x, void *p) {
    (void)p;
    return unread(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return unread_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return unread_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return unread_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("unread_params");
    const double x[N] = {0.7, -0.8, 0.4, 1.1};
    double g[N];
    e2e_scalar s = {.label = "unread", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* unread = x0^2 x1 + (0.3 + x2 (x1 + 0.3)) x0 */
    const double want_g[N] = {2 * x[0] * x[1] + 0.3 + x[2] * (x[1] + 0.3), x[0] * x[0] + x[2] * x[0],
                              (x[1] + 0.3) * x[0], 0.0};
    e2e_expect_close(s.label, "grad vs closed form", g, want_g, N, E2E_CLOSED_TOL);
    /* the vector tangent along e0 + e3 and (1, 2, -1, 0.5), against the tangent along each */
    double dirs[N][2] = {{1.0, 1.0}, {0.0, 2.0}, {0.0, -1.0}, {1.0, 0.5}}, got[2], want[2];
    unread_tangent_vector(N, x, (const double (*)[2])dirs, got);
    for (int k = 0; k < 2; k++) {
        const double v[N] = {dirs[0][k], dirs[1][k], dirs[2][k], dirs[3][k]};
        unread_tangent(N, x, v, &want[k]);
    }
    e2e_expect_close(s.label, "tangent_vector vs tangent", got, want, 2, E2E_EXACT_TOL);
    /* H v in closed form: H01 = 2 x0 + x2, H00 = 2 x1, H02 = x1 + 0.3, H12 = x0 */
    const double v[N] = {0.5, -1.0, 2.0, 0.25};
    const double h01 = 2 * x[0] + x[2], h02 = x[1] + 0.3;
    double hv[N], want_hv[N] = {2 * x[1] * v[0] + h01 * v[1] + h02 * v[2], h01 * v[0] + x[0] * v[2],
                                h02 * v[0] + x[0] * v[1], 0.0};
    int status = unread_hvp(N, x, v, hv);
    e2e_report(status == 0, s.label, "hvp status %d", status);
    e2e_expect_close(s.label, "hvp vs closed form", hv, want_hv, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
