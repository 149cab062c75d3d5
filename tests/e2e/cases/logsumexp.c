/* Numerically stable log-sum-exp (max found with an if on active values, then subtracted); its gradient is the softmax, checked in closed form, also at inputs around 800 where the naive form overflows. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double logsumexp(int n, const double *x)
{
    double m = x[0];
    for (int i = 1; i < n; i++)
        if (x[i] > m)
            m = x[i];
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(x[i] - m);
    return m + log(s);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double logsumexp_tangent(int n, const double *x, const double *x_d, double *logsumexp_d);
double logsumexp_adjoint(int n, const double *x, double *x_b, double logsumexp_b);
double logsumexp_grad(int n, const double *x, double *x_grad);

#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return logsumexp(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return logsumexp_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return logsumexp_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return logsumexp_adjoint(N, x, xb, seed);
}

static void softmax(const double *x, double *p) {
    double m = x[0], z = 0.0;
    for (int i = 1; i < N; i++)
        m = fmax(m, x[i]);
    for (int i = 0; i < N; i++)
        z += exp(x[i] - m);
    for (int i = 0; i < N; i++)
        p[i] = exp(x[i] - m) / z;
}

int main(void) {
    e2e_begin("logsumexp");
    /* Unique maximum (x[3]), 0.3 above the next. */
    const double x[N] = {0.4, -1.1, 0.9, 1.2, -0.3, 0.2};
    double g[N], ref[N];
    e2e_scalar s = {.label = "moderate", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    softmax(x, ref);
    e2e_expect_close(s.label, "grad vs softmax", g, ref, N, E2E_CLOSED_TOL);

    /* The same point shifted by 800: exp(x) overflows, only the max-subtracted form is finite.
     * The finite-difference step (1e-3 |x|) would be too coarse here, so the gradient and the
     * tangent are checked against the softmax only; LSE(x + c) = LSE(x) + c. */
    double big[N], v[N], d = NAN;
    for (int i = 0; i < N; i++)
        big[i] = x[i] + 800.0;
    e2e_fill(v, N, 3u, -1.0, 1.0);
    double fb = logsumexp_grad(N, big, g);
    e2e_expect_value("large", "value LSE(x + 800) = LSE(x) + 800", fb, logsumexp(N, x) + 800.0,
                     E2E_EXACT_TOL);
    e2e_expect_close("large", "grad vs softmax", g, ref, N, E2E_CLOSED_TOL);
    logsumexp_tangent(N, big, v, &d);
    e2e_expect_value("large", "tangent vs <softmax, v>", d, e2e_dot(ref, v, N), E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
