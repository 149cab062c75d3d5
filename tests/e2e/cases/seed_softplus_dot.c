/* Seed example: f(x) = ln(1 + exp<a,x>) with an inactive coefficient array a; closed-form gradient sigma(<a,x>) a. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double softplus_dot(int n, const double *a, const double *x)
{
    double t = 0.0;
    for (int i = 0; i < n; i++)
        t += a[i] * x[i];
    return log(1.0 + exp(t));
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double softplus_dot_tangent(int n, const double *a, const double *x, const double *x_d,
                            double *softplus_dot_d);
double softplus_dot_adjoint(int n, const double *a, const double *x, double *x_b,
                            double softplus_dot_b);
double softplus_dot_grad(int n, const double *a, const double *x, double *x_grad);

#define N 7
static double a[N];

static double primal(const double *x, void *p) {
    (void)p;
    return softplus_dot(N, a, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return softplus_dot_grad(N, a, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return softplus_dot_tangent(N, a, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return softplus_dot_adjoint(N, a, x, xb, seed);
}

int main(void) {
    e2e_begin("seed_softplus_dot");
    e2e_fill(a, N, 21u, -1.0, 1.0);
    double x[N], g[N], ref[N];
    e2e_fill(x, N, 22u, -1.0, 1.5);
    e2e_scalar s = {.label = "softplus_dot", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double t = e2e_dot(a, x, N), sigma = 1.0 / (1.0 + exp(-t));
    for (int i = 0; i < N; i++)
        ref[i] = sigma * a[i];
    e2e_expect_close(s.label, "grad vs closed form sigma(<a,x>) a", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
