/* Dense Hessians by the vector tangent over the adjoint (modes(hessian) with vector(W)): W
 * columns per sweep, including a last partial block (n = 7 with W = 3), and through a helper
 * call and a loop (the tape carries W tangents per value). Checked against the closed forms,
 * against n Hessian-vector products (the other route), and for symmetry. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(hvp, hessian), vector(3))
double rosenbrock_v(int n, const double *x) {
    double s = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    return s;
}

static double quad(int n, const double *S, const double *x) {
    double q = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            q += x[i] * S[i * n + j] * x[j];
    return q;
}

ADC_DIFF(wrt(x), len(x: n), modes(hvp, hessian), vector(4))
double log_quad_v(int n, const double *S, const double *x) {
    return log(quad(n, S, x));
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

int rosenbrock_v_hessian(int n, const double *x, double *hessian);
int rosenbrock_v_hvp(int n, const double *x, const double *x_v, double *x_hv);
int log_quad_v_hessian(int n, const double *S, const double *x, double *hessian);
int log_quad_v_hvp(int n, const double *S, const double *x, const double *x_v, double *x_hv);

#define N 7
#define M 5

/* Column j of the Hessian by one HVP each: the other route. */
static void by_hvp(int n, int (*hvp)(const double *, const double *, double *, const void *),
                   const double *x, const void *ctx, double *h) {
    double unit[N] = {0}, column[N];
    for (int j = 0; j < n; j++) {
        unit[j] = 1.0;
        hvp(x, unit, column, ctx);
        unit[j] = 0.0;
        for (int i = 0; i < n; i++)
            h[i * n + j] = column[i];
    }
}

static int rosen_hvp(const double *x, const double *v, double *hv, const void *ctx) {
    (void)ctx;
    return rosenbrock_v_hvp(N, x, v, hv);
}

static int logq_hvp(const double *x, const double *v, double *hv, const void *ctx) {
    return log_quad_v_hvp(M, ctx, x, v, hv);
}

int main(void) {
    e2e_begin("hessian_vector");
    double y[N], h[N * N], want[N * N], other[N * N];
    e2e_fill(y, N, 51u, -1.5, 1.5);
    e2e_expect_value("rosenbrock", "vector Hessian returns 0", rosenbrock_v_hessian(N, y, h), 0.0, 0.0);
    e2e_rosenbrock_hessian(N, y, want);
    e2e_expect_close("rosenbrock", "vector Hessian vs closed form (W = 3, n = 7)", h, want, N * N, E2E_CLOSED_TOL);
    by_hvp(N, rosen_hvp, y, NULL, other);
    e2e_expect_close("rosenbrock", "vector Hessian vs n HVPs", h, other, N * N, E2E_EXACT_TOL);
    e2e_expect_symmetric("rosenbrock", h, N);

    double S[M * M], a[M * M], x[M], sx[M], q = 0.0;
    e2e_fill(a, M * M, 52u, -1.0, 1.0);
    for (int i = 0; i < M; i++) /* symmetric positive definite: a a^T + M I */
        for (int j = 0; j < M; j++) {
            S[i * M + j] = i == j ? M : 0.0;
            for (int k = 0; k < M; k++)
                S[i * M + j] += a[i * M + k] * a[j * M + k];
        }
    e2e_fill(x, M, 53u, -1.0, 1.0);
    e2e_expect_value("log_quad", "vector Hessian returns 0", log_quad_v_hessian(M, S, x, h), 0.0, 0.0);
    for (int i = 0; i < M; i++) {
        sx[i] = 0.0;
        for (int j = 0; j < M; j++)
            sx[i] += S[i * M + j] * x[j];
        q += x[i] * sx[i];
    }
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++)
            want[i * M + j] = 2.0 * S[i * M + j] / q - 4.0 * sx[i] * sx[j] / (q * q);
    e2e_expect_close("log_quad", "vector Hessian = 2S/q - 4(Sx)(Sx)^T/q^2 (W = 4, n = 5)", h, want, M * M,
                     E2E_CLOSED_TOL);
    by_hvp(M, logq_hvp, x, S, other);
    e2e_expect_close("log_quad", "vector Hessian vs n HVPs", h, other, M * M, E2E_EXACT_TOL);
    e2e_expect_symmetric("log_quad", h, M);
    return e2e_finish();
}
#endif
