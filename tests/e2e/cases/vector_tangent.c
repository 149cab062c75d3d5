/* Vector tangent mode (modes(tangent_vector), vector(3)): three directions per call through loops, a local pointer, a static helper and an in-place recurrence; each direction equals the scalar tangent (1e-12) and the finite differences (1e-6), and the full 4x4 Jacobian costs two calls. */
#include <math.h>
#include <adc.h>

static double smooth_abs(double a) {
    return sqrt(a * a + 0.01);
}

ADC_DIFF(wrt(x, y), len(x: n, y: n), modes(tangent, tangent_vector, adjoint), vector(3))
void vector_tangent(int n, const double *x, double *y, double c) {
    const double *row = x;
    for (int i = 0; i < n; i++) {
        y[i] = sin(row[i]) * c + smooth_abs(x[(i + 1) % n]);
        if (i > 0)
            y[i] += y[i - 1] / 2;
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4
#define W 3

void vector_tangent_tangent(int n, const double *x, const double *x_d, double *y, double *y_d, double c);
void vector_tangent_tangent_vector(int n, const double *x, const double (*x_d)[W], double *y,
                                   double (*y_d)[W], double c);
void vector_tangent_adjoint(int n, const double *x, double *x_b, double *y, double *y_b, double c);

static void primal(const double *x, double *y, void *ctx) {
    (void)ctx;
    vector_tangent(N, x, y, 1.5);
}

static void tangent(const double *x, const double *v, double *y, double *jv, void *ctx) {
    (void)ctx;
    vector_tangent_tangent(N, x, v, y, jv, 1.5);
}

static void adjoint(const double *x, const double *w, double *jtw, void *ctx) {
    (void)ctx;
    double y[N], y_b[N];
    for (int i = 0; i < N; i++)
        y_b[i] = w[i];
    vector_tangent_adjoint(N, x, jtw, y, y_b, 1.5);
}

int main(void) {
    e2e_begin("vector_tangent");
    double x[N] = {0.1, 0.7, -0.3, 1.2};
    e2e_vector s = {.label = "vector_tangent", .n = N, .m = N, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);

    /* Three directions at once equal three scalar tangents. */
    double xd[N][W], y[N], yd[N][W];
    for (int i = 0; i < N; i++)
        for (int k = 0; k < W; k++)
            xd[i][k] = sin(1.0 + 3 * i + k);
    vector_tangent_tangent_vector(N, x, (const double (*)[W])xd, y, yd, 1.5);
    for (int k = 0; k < W; k++) {
        double v[N], ys[N], jv[N], got[N];
        for (int i = 0; i < N; i++)
            v[i] = xd[i][k];
        vector_tangent_tangent(N, x, v, ys, jv, 1.5);
        for (int i = 0; i < N; i++)
            got[i] = yd[i][k];
        e2e_expect_close(s.label, "vector direction equals the scalar tangent", got, jv, N, E2E_EXACT_TOL);
        adc_check_result r;
        int st = adc_check_tangent(N, N, x, v, got, primal, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(s.label, "vector direction vs finite differences", st, &r);
    }

    /* The Jacobian in two calls (directions e0,e1,e2 then e3): column j is J e_j. */
    double jac[N][N];
    for (int start = 0; start < N; start += W) {
        double seeds[N][W] = {{0}};
        for (int k = 0; k < W && start + k < N; k++)
            seeds[start + k][k] = 1.0;
        vector_tangent_tangent_vector(N, x, (const double (*)[W])seeds, y, yd, 1.5);
        for (int k = 0; k < W && start + k < N; k++)
            for (int i = 0; i < N; i++)
                jac[i][start + k] = yd[i][k];
    }
    for (int j = 0; j < N; j++) {
        double e[N] = {0}, ys[N], col[N], want[N];
        e[j] = 1.0;
        vector_tangent_tangent(N, x, e, ys, want, 1.5);
        for (int i = 0; i < N; i++)
            col[i] = jac[i][j];
        e2e_expect_close(s.label, "Jacobian column from the vector mode", col, want, N, E2E_EXACT_TOL);
    }
    return e2e_finish();
}
#endif
