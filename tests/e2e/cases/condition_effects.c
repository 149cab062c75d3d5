/* Side effects inside conditions, as older C codes count: while (n--), a do-while whose test
 * advances its counter (++k < n), a compound assignment tested in an if, an assignment in a
 * loop condition. The effect runs where C evaluates the condition (before the test, on every
 * trip). Gradient against finite differences, the tangent and the closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double countdown(int n, const double *x)
{
    double s = 0.0, p = 1.0, t;
    int i = n, k = 0, j = 0;
    while (i--)
        s += x[i] * x[i];
    if ((p *= x[0]) > 0.0)
        s += p;
    do {
        s += x[k] * p;
    } while (++k < n);
    while ((t = sin(x[j])) > -2.0 && j < n - 1) {
        s += t;
        j++;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double countdown_tangent(int n, const double *x, const double *x_d, double *countdown_d);
double countdown_adjoint(int n, const double *x, double *x_b, double countdown_b);
double countdown_grad(int n, const double *x, double *x_grad);

enum { N = 5 };

static double primal(const double *x, void *p) {
    (void)p;
    return countdown(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return countdown_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return countdown_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return countdown_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("condition_effects");
    const double x[N] = {0.6, -0.4, 0.9, 0.3, -1.1};
    double g[N], ref[N];
    e2e_scalar s = {.label = "countdown", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* s = sum x_i^2 + x0 (x0 > 0) + x0 sum x_k + sum_{j < n-1} sin x_j */
    double sum = 0.0;
    for (int i = 0; i < N; i++)
        sum += x[i];
    for (int i = 0; i < N; i++)
        ref[i] = 2.0 * x[i] + x[0] + (i < N - 1 ? cos(x[i]) : 0.0);
    ref[0] += 1.0 + sum;
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
