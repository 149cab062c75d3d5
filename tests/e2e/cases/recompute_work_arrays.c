/* A definition in a loop body that reads an element of a local work array: the backward sweep
 * computes it again at the top of each trip instead of taping it when every read of the array
 * sees the element's final value (analysis/write_once.c: the Thomas algorithm's pivot
 * `double m = b[i] - a[i] * cp[i - 1];`), and still tapes it when it reads this trip's element
 * before the trip writes it. Gradient and hvp checked against finite differences, tangent
 * against adjoint (the dot-product test); the taped case gives a wrong adjoint if recomputed. */
#include <adc.h>
#include <math.h>

#define M 8

/* Thomas algorithm for a[i] x[i-1] + b[i] x[i] + c[i] x[i+1] = d[i]: m is recomputed. The guard
 * on n lets gcc -O2 see that the caller filled a, b, c and d (-Wmaybe-uninitialized). */
static void thomas(int n, const double *a, const double *b, const double *c, const double *d, double *x) {
    double cp[M], dp[M];
    if (n < 1)
        return;
    cp[0] = c[0] / b[0];
    dp[0] = d[0] / b[0];
    for (int i = 1; i < n; i++) {
        double m = b[i] - a[i] * cp[i - 1];
        cp[i] = c[i] / m;
        dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
    }
    x[n - 1] = dp[n - 1];
    for (int i = n - 2; i >= 0; i--)
        x[i] = dp[i] - cp[i] * x[i + 1];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double recompute_work_arrays(int n, const double *x) {
    double a[M], b[M], c[M], d[M], u[M], w[M] = {0.5, 0.25, 0.75, 0.5, 0.25, 0.75, 0.5, 0.25};
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        a[i] = 0.3 * x[i];
        b[i] = 2.0 + x[i] * x[i];
        c[i] = -0.2 * x[i];
        d[i] = sin(x[i]);
    }
    thomas(n, a, b, c, d, u);
    for (int i = 0; i < n; i++) {
        double m = 1.0 + x[i] * w[i]; /* this trip's element, read before the write: taped */
        w[i] = sin(m);
        s += m * m;
    }
    for (int i = 0; i < n; i++)
        s += u[i] * u[i] * x[i] + w[i] * x[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double recompute_work_arrays_tangent(int n, const double *x, const double *x_d, double *recompute_work_arrays_d);
double recompute_work_arrays_adjoint(int n, const double *x, double *x_b, double recompute_work_arrays_b);
double recompute_work_arrays_grad(int n, const double *x, double *x_grad);
int recompute_work_arrays_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *x, void *p) { (void)p; return recompute_work_arrays(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return recompute_work_arrays_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return recompute_work_arrays_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return recompute_work_arrays_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return recompute_work_arrays_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("recompute_work_arrays");
    double x[N] = {0.7, 0.4, 0.9, 0.3, 0.8}, g[N];
    e2e_scalar s = {.label = "x", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
