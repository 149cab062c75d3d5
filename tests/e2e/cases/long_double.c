/* long double as an active type: the l-suffixed math functions (expl, sinl, exp2l, logl,
 * sqrtl, powl), values taped in the forward sweep (u is overwritten in the loop) kept to
 * long double's precision, constants of the partials (ln 2) as long double literals. Checked
 * against central finite differences in long double, the dot-product test <J v, 1> =
 * <v, J^T 1> and the gradient against the closed form, both at 1e-17: beyond double's
 * precision, so a derivative computed or taped in double fails them. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, a), len(x: n))
long double ld(int n, const long double *x, long double a)
{
    long double s = 0.0L, u = 0.0L;
    for (int i = 0; i < n; i++) {
        u = a * x[i];
        u = sinl(u) * u + exp2l(x[i]);
        s += u * logl(2.0L + x[i] * x[i]);
    }
    return s * sqrtl(a) + powl(a, 1.5L);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

long double ld_tangent(int n, const long double *x, const long double *x_d, long double a, long double a_d,
                       long double *ld_d);
long double ld_grad(int n, const long double *x, long double a, long double *x_grad, long double *a_grad);

enum { N = 7 };

/* d ld / d x[i] and d ld / d a, by hand. */
static void closed_form(const long double *x, long double a, long double *g, long double *ga) {
    long double s = 0.0L, ds_da = 0.0L;
    for (int i = 0; i < N; i++) {
        long double v = a * x[i], l = logl(2.0L + x[i] * x[i]);
        long double u = sinl(v) * v + exp2l(x[i]);
        long double du_dv = cosl(v) * v + sinl(v);
        long double du_dx = du_dv * a + exp2l(x[i]) * logl(2.0L);
        s += u * l;
        ds_da += du_dv * x[i] * l;
        g[i] = (du_dx * l + u * 2.0L * x[i] / (2.0L + x[i] * x[i])) * sqrtl(a);
    }
    *ga = ds_da * sqrtl(a) + s * 0.5L / sqrtl(a) + 1.5L * sqrtl(a);
}

static int close_ld(const char *what, long double got, long double want, long double tol) {
    long double scale = fmaxl(fabsl(want), 1.0L), err = fabsl(got - want) / scale;
    return e2e_report(err <= tol, "ld", "%s (error %.3Le: got %.21Lg, want %.21Lg)", what, err, got, want);
}

int main(void) {
    e2e_begin("long_double");
    long double x[N], g[N], ref[N], v[N], a = 0.75L, ga, ref_a;
    for (int i = 0; i < N; i++) {
        x[i] = -0.9L + 0.3L * i;
        v[i] = 0.25L * (i % 3) - 0.3L;
    }
    long double f0 = ld(N, x, a);
    close_ld("value returned by grad", ld_grad(N, x, a, g, &ga), f0, 0.0L);
    closed_form(x, a, ref, &ref_a);
    for (int i = 0; i < N; i++)
        close_ld("grad vs closed form", g[i], ref[i], 1e-17L);
    close_ld("grad a vs closed form", ga, ref_a, 1e-17L);
    const long double h = 1e-6L; /* central differences: error ~ h^2, rounding ~ 1e-19 / h */
    for (int i = 0; i < N; i++) {
        long double xp[N], xm[N];
        for (int k = 0; k < N; k++)
            xp[k] = xm[k] = x[k];
        xp[i] += h;
        xm[i] -= h;
        close_ld("grad vs finite differences", g[i], (ld(N, xp, a) - ld(N, xm, a)) / (2.0L * h), 1e-10L);
    }
    long double dv, va = 0.4L;
    close_ld("value returned by tangent", ld_tangent(N, x, v, a, va, &dv), f0, 0.0L);
    long double dot = ga * va;
    for (int i = 0; i < N; i++)
        dot += g[i] * v[i];
    close_ld("dot-product test tangent vs grad", dv, dot, 1e-17L);
    return e2e_finish();
}
#endif
