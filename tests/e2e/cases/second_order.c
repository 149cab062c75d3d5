/* Second order by tangent-over-adjoint (modes hvp, hessian): Hessians of the seed examples against their closed forms (quadratic form: A + A^T; softplus of <a,x>: s(1-s) a a^T; ln<x,Ax> with symmetric A), Rosenbrock's exact Hessian, symmetry to round-off, and Hessian-vector products of the MDS stress against finite differences of its gradient. */
#include <math.h>
#include <adc.h>

#define N 4

static const double A[N][N] = {{2.0, 1.0, 0.0, 0.5}, {0.5, 3.0, 1.0, 0.0},
                               {0.0, 0.25, 4.0, 1.0}, {1.0, 0.0, 0.5, 5.0}};
static const double S[N][N] = {{4.0, 1.0, 0.5, 0.0}, {1.0, 3.0, 0.25, 0.5},
                               {0.5, 0.25, 5.0, 1.0}, {0.0, 0.5, 1.0, 2.0}};
static const double a_vec[N] = {0.5, -1.0, 0.25, 2.0};

ADC_DIFF(wrt(x), len(x: N), modes(grad, hessian))
double quadratic_form(const double *x) {
    double s = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            s += x[i] * A[i][j] * x[j];
    return s - 2.0 * x[1] + 3.0;
}

ADC_DIFF(wrt(x), len(x: N), modes(grad, hessian))
double softplus_dot(const double *x) {
    double t = 0.0;
    for (int i = 0; i < N; i++)
        t += a_vec[i] * x[i];
    return log(1.0 + exp(t));
}

ADC_DIFF(wrt(x), len(x: N), modes(grad, hessian))
double log_quadratic(const double *x) {
    double s = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            s += x[i] * S[i][j] * x[j];
    return log(s);
}

ADC_DIFF(wrt(x), len(x: n), modes(hessian))
double rosenbrock_h(int n, const double *x) {
    double s = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
    }
    return s;
}

ADC_DIFF(wrt(w), len(w: 2 * m), modes(grad, hvp))
double mds_h(int m, const double *w, const double *d) {
    double stress = 0.0;
    for (int i = 0; i < m; i++)
        for (int j = i + 1; j < m; j++) {
            double dx = w[2 * i] - w[2 * j], dy = w[2 * i + 1] - w[2 * j + 1];
            double r = dx * dx + dy * dy - d[i * m + j];
            stress += r * r;
        }
    return stress;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double quadratic_form_grad(const double *x, double *x_grad);
int quadratic_form_hessian(const double *x, double *hessian);
int softplus_dot_hessian(const double *x, double *hessian);
int log_quadratic_hessian(const double *x, double *hessian);
int rosenbrock_h_hessian(int n, const double *x, double *hessian);
double mds_h_grad(int m, const double *w, const double *d, double *w_grad);
int mds_h_hvp(int m, const double *w, const double *w_v, double *w_hv, const double *d);

#define M 5
static double mds_d[M * M];

static void mds_gradient(const double *w, double *g, void *ctx) {
    (void)ctx;
    mds_h_grad(M, w, mds_d, g);
}

int main(void) {
    e2e_begin("second_order");
    double x[N] = {0.3, -0.7, 1.1, 0.4}, h[N * N], want[N * N];

    quadratic_form_hessian(x, h);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            want[i * N + j] = A[i][j] + A[j][i];
    e2e_expect_close("quadratic_form", "Hessian = A + A^T", h, want, N * N, E2E_CLOSED_TOL);

    softplus_dot_hessian(x, h);
    double t = e2e_dot(a_vec, x, N), sig = 1.0 / (1.0 + exp(-t));
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            want[i * N + j] = sig * (1.0 - sig) * a_vec[i] * a_vec[j];
    e2e_expect_close("softplus_dot", "Hessian = s(1-s) a a^T", h, want, N * N, E2E_CLOSED_TOL);
    e2e_expect_symmetric("softplus_dot", h, N);

    log_quadratic_hessian(x, h);
    double sx[N], q = 0.0;
    for (int i = 0; i < N; i++) {
        sx[i] = 0.0;
        for (int j = 0; j < N; j++)
            sx[i] += S[i][j] * x[j];
        q += x[i] * sx[i];
    }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            want[i * N + j] = 2.0 * S[i][j] / q - 4.0 * sx[i] * sx[j] / (q * q);
    e2e_expect_close("log_quadratic", "Hessian = 2S/q - 4(Sx)(Sx)^T/q^2", h, want, N * N, E2E_CLOSED_TOL);
    e2e_expect_symmetric("log_quadratic", h, N);

    double y[N] = {-1.2, 1.0, 0.5, 0.8};
    rosenbrock_h_hessian(N, y, h);
    e2e_rosenbrock_hessian(N, y, want);
    e2e_expect_close("rosenbrock", "Hessian closed form", h, want, N * N, E2E_CLOSED_TOL);

    double w[2 * M], v[2 * M], hv[2 * M];
    e2e_fill(w, 2 * M, 3u, -1.0, 1.0);
    e2e_fill(v, 2 * M, 7u, -1.0, 1.0);
    e2e_fill(mds_d, M * M, 9u, 0.5, 2.0);
    mds_h_hvp(M, w, v, hv, mds_d);
    /* H v is the derivative of the gradient along v: finite differences of mds_h_grad */
    adc_check_result r;
    int st = adc_check_tangent(2 * M, 2 * M, w, v, hv, mds_gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("mds", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
