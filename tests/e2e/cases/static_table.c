/* static const double tables (file scope and function scope) as polynomial coefficients and weights, Horner evaluation with a downward loop; closed-form gradient. */
#include <math.h>
#include <adc.h>

static const double coef[6] = {0.5, -1.25, 0.75, 2.0, -0.5, 0.125};

ADC_DIFF(wrt(x), len(x: n))
double static_table(int n, const double *x)
{
    static const double weights[4] = {0.5, -1.25, 2.0, 0.75};
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double p = coef[5];
        for (int k = 4; k >= 0; k--)
            p = p * x[i] + coef[k];
        s += weights[i % 4] * p;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double static_table_tangent(int n, const double *x, const double *x_d, double *static_table_d);
double static_table_adjoint(int n, const double *x, double *x_b, double static_table_b);
double static_table_grad(int n, const double *x, double *x_grad);

#define N 7
static double primal(const double *x, void *p) {
    (void)p;
    return static_table(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return static_table_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return static_table_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return static_table_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("static_table");
    double x[N], g[N], ref[N];
    e2e_fill(x, N, 61u, -1.5, 1.5);
    e2e_scalar s = {.label = "static_table", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    const double w[4] = {0.5, -1.25, 2.0, 0.75};
    for (int i = 0; i < N; i++) {
        double dp = 0.0;
        for (int k = 5; k >= 1; k--)
            dp = dp * x[i] + k * coef[k];
        ref[i] = w[i % 4] * dp;
    }
    e2e_expect_close(s.label, "grad vs closed form (polynomial derivative)", g, ref, N,
                     E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
