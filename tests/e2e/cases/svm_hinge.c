/* Hinge-loss SVM objective sum max(0, 1 - y w.x) + lambda/2 |w|^2 at a point where no margin is near 1 (both fmax arms selected by some samples); closed-form subgradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(w), len(w: d))
double svm_hinge(int m, int d, const double *X, const double *y, const double *w, double lambda)
{
    double loss = 0.0;
    for (int i = 0; i < m; i++) {
        double margin = 0.0;
        for (int j = 0; j < d; j++)
            margin += w[j] * X[i * d + j];
        loss += fmax(0.0, 1.0 - y[i] * margin);
    }
    double reg = 0.0;
    for (int j = 0; j < d; j++)
        reg += w[j] * w[j];
    return loss + 0.5 * lambda * reg;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double svm_hinge_tangent(int m, int d, const double *X, const double *y, const double *w,
                         const double *w_d, double lambda, double *svm_hinge_d);
double svm_hinge_adjoint(int m, int d, const double *X, const double *y, const double *w,
                         double *w_b, double lambda, double svm_hinge_b);
double svm_hinge_grad(int m, int d, const double *X, const double *y, const double *w,
                      double lambda, double *w_grad);

#define M 8
#define D 3
static double X[M * D], y[M];
static const double lambda = 0.1;

static double primal(const double *w, void *p) {
    (void)p;
    return svm_hinge(M, D, X, y, w, lambda);
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return svm_hinge_grad(M, D, X, y, w, lambda, g);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return svm_hinge_tangent(M, D, X, y, w, v, lambda, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return svm_hinge_adjoint(M, D, X, y, w, wb, lambda, seed);
}

int main(void) {
    e2e_begin("svm_hinge");
    /* Margins y w.x: four above 1 (closest 1.15), four below (closest 0.58). */
    const double w[D] = {-1.4, 0.9, 1.2};
    double g[D], ref[D];
    e2e_fill(X, M * D, 151u, -1.5, 1.5);
    for (int i = 0; i < M; i++)
        y[i] = (i % 2 == 0) ? 1.0 : -1.0;
    int active = 0;
    double closest = INFINITY;
    for (int j = 0; j < D; j++)
        ref[j] = lambda * w[j];
    for (int i = 0; i < M; i++) {
        double ym = y[i] * e2e_dot(w, X + i * D, D);
        closest = fmin(closest, fabs(1.0 - ym));
        if (ym < 1.0) {
            active++;
            for (int j = 0; j < D; j++)
                ref[j] -= y[i] * X[i * D + j];
        }
    }
    e2e_report(closest > 0.05 && active > 0 && active < M, "data",
               "margins away from the kink (closest |1 - y w.x| = %.3f, %d of %d active)",
               closest, active, M);
    e2e_scalar s = {.label = "svm_hinge", .n = D, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_expect_close(s.label, "grad vs closed form", g, ref, D, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
