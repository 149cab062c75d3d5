/* assert() as real code writes it, in the function and in a helper: glibc's assert is
 * `((void) sizeof ((e) ? 1 : 0), __extension__ ({ if (e) ; else __assert_fail (...); }))`,
 * a GNU statement expression whose value is dropped, which adc refused. It now runs as the
 * block it is, in every derivative, where the source runs it. Tangent, adjoint, grad and hvp
 * against finite differences and the dot-product test, and the closed form. Needs libclang >= 17
 * (glibc's assert spells __extension__ inside the macro). */
#undef NDEBUG /* the checks run in every build type */
#include <assert.h>
#include <math.h>
#include <adc.h>

static double scaled(const double *x, int i, double w) {
    assert(i >= 0 && w > 0.0);
    return w * x[i] * x[i];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double assert_checks(int n, const double *x)
{
    assert(n > 1);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        assert(x[i] == x[i]); /* not NaN */
        s += scaled(x, i, 0.5 + i) + sin(x[i] * x[(i + 1) % n]);
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double assert_checks_tangent(int n, const double *x, const double *x_d, double *assert_checks_d);
double assert_checks_adjoint(int n, const double *x, double *x_b, double assert_checks_b);
double assert_checks_grad(int n, const double *x, double *x_grad);
int assert_checks_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 4
static double primal(const double *x, void *p) {
    (void)p;
    return assert_checks(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return assert_checks_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return assert_checks_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return assert_checks_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("assert_checks");
    double x[N] = {0.4, -0.7, 0.55, 1.1}, g[N], v[N] = {0.3, -0.8, 0.5, 0.2}, hv[N], ref[N], href[N];
    e2e_scalar s = {.label = "assert_checks", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    for (int i = 0; i < N; i++) {
        int next = (i + 1) % N, prev = (i + N - 1) % N;
        ref[i] = 2.0 * (0.5 + i) * x[i] + cos(x[i] * x[next]) * x[next] + cos(x[prev] * x[i]) * x[prev];
        double a = x[i] * x[next], b = x[prev] * x[i];
        href[i] = 2.0 * (0.5 + i) * v[i] - sin(a) * x[next] * (x[next] * v[i] + x[i] * v[next]) + cos(a) * v[next] -
                  sin(b) * x[prev] * (x[prev] * v[i] + x[i] * v[prev]) + cos(b) * v[prev];
    }
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    assert_checks_hvp(N, x, v, hv);
    e2e_expect_close(s.label, "hvp vs closed form", hv, href, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
