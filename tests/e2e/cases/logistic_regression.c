/* Logistic regression loss mean log(1+exp(-y w.x)) + lambda |w|^2 over an inactive data array (row pointer X + i*d), inactive labels and double lambda; closed-form gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(w), len(w: d))
double logistic_loss(int m, int d, const double *X, const double *y, const double *w,
                     double lambda)
{
    double total = 0.0;
    for (int i = 0; i < m; i++) {
        const double *xi = X + i * d;
        double z = 0.0;
        for (int j = 0; j < d; j++)
            z += w[j] * xi[j];
        total += log(1.0 + exp(-y[i] * z));
    }
    double reg = 0.0;
    for (int j = 0; j < d; j++)
        reg += w[j] * w[j];
    return total / m + lambda * reg;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double logistic_loss_tangent(int m, int d, const double *X, const double *y, const double *w,
                             const double *w_d, double lambda, double *logistic_loss_d);
double logistic_loss_adjoint(int m, int d, const double *X, const double *y, const double *w,
                             double *w_b, double lambda, double logistic_loss_b);
double logistic_loss_grad(int m, int d, const double *X, const double *y, const double *w,
                          double lambda, double *w_grad);

#define M 10
#define D 4
static double X[M * D], y[M];
static const double lambda = 0.05;

static double primal(const double *w, void *p) {
    (void)p;
    return logistic_loss(M, D, X, y, w, lambda);
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return logistic_loss_grad(M, D, X, y, w, lambda, g);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return logistic_loss_tangent(M, D, X, y, w, v, lambda, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return logistic_loss_adjoint(M, D, X, y, w, wb, lambda, seed);
}

int main(void) {
    e2e_begin("logistic_regression");
    double w[D], g[D], ref[D];
    e2e_fill(X, M * D, 141u, -2.0, 2.0);
    for (int i = 0; i < M; i++)
        y[i] = (i % 3 == 0) ? -1.0 : 1.0;
    e2e_fill(w, D, 142u, -1.0, 1.0);
    e2e_scalar s = {.label = "10 samples, 4 features", .n = D, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    for (int j = 0; j < D; j++)
        ref[j] = 2.0 * lambda * w[j];
    for (int i = 0; i < M; i++) {
        double z = e2e_dot(w, X + i * D, D);
        double sig = 1.0 / (1.0 + exp(y[i] * z)); /* sigma(-y z) */
        for (int j = 0; j < D; j++)
            ref[j] += -y[i] * sig * X[i * D + j] / M;
    }
    e2e_expect_close(s.label, "grad vs closed form", g, ref, D, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
