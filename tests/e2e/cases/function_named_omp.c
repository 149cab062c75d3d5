/* Enzyme's ReverseMode/omp.c names its function `omp`: its forward sweep, omp_forward, read
 * back for second order, was taken for a call to the OpenMP runtime (the omp_ prefix) and hvp
 * stopped with an internal failure. A function the file defines is not the runtime. Checked
 * against finite differences, tangent vs adjoint (the dot-product test) and the closed form. */
#include <adc.h>

static void omp(double *a, int N) {
    for (int i = 0; i < N; i++)
        a[i] *= a[i];
    a[0] = 0;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double function_named_omp(int n, const double *x) {
    double v[4];
    for (int i = 0; i < n; i++)
        v[i] = x[i] * x[0];
    omp(v, n);
    return v[1] + v[n - 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double function_named_omp_tangent(int n, const double *x, const double *x_d, double *f_d);
double function_named_omp_adjoint(int n, const double *x, double *x_b, double f_b);
double function_named_omp_grad(int n, const double *x, double *x_grad);
int function_named_omp_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 3

static double primal(const double *z, void *p) { (void)p; return function_named_omp(N, z); }
static double grad(const double *z, double *g, void *p) { (void)p; return function_named_omp_grad(N, z, g); }
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    return function_named_omp_tangent(N, z, v, dv);
}
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    return function_named_omp_adjoint(N, z, zb, seed);
}
static int hvp(const double *z, const double *v, double *hv, void *p) {
    (void)p;
    return function_named_omp_hvp(N, z, v, hv);
}

int main(void) {
    e2e_begin("function_named_omp");
    double z[N] = {0.8, 0.6, -0.7}, g[N];
    e2e_scalar s = {.label = "omp", .n = N, .x = z, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    /* f = x0^2 (x1^2 + x2^2) */
    double want[N] = {2.0 * z[0] * (z[1] * z[1] + z[2] * z[2]), 2.0 * z[0] * z[0] * z[1], 2.0 * z[0] * z[0] * z[2]};
    e2e_expect_close("omp", "gradient vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
