/* Seed example: f(x) = ln<x,Ax> with A an inactive 2-D array parameter (const double A[3][3]); closed-form gradient (A+A^T)x/<x,Ax>. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 3))
double log_quadratic(const double A[3][3], const double *x)
{
    double q = 0.0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            q += x[i] * A[i][j] * x[j];
    return log(q);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double log_quadratic_tangent(const double A[3][3], const double *x, const double *x_d,
                             double *log_quadratic_d);
double log_quadratic_adjoint(const double A[3][3], const double *x, double *x_b,
                             double log_quadratic_b);
double log_quadratic_grad(const double A[3][3], const double *x, double *x_grad);

/* Non-symmetric, with a positive definite symmetric part, so <x,Ax> > 0. */
static const double A[3][3] = {{4.0, 1.0, 0.5}, {0.2, 3.0, -0.4}, {0.3, 0.1, 2.0}};

static double primal(const double *x, void *p) {
    (void)p;
    return log_quadratic(A, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return log_quadratic_grad(A, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return log_quadratic_tangent(A, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return log_quadratic_adjoint(A, x, xb, seed);
}

int main(void) {
    e2e_begin("seed_log_quadratic");
    const double points[2][3] = {{0.7, -0.4, 1.1}, {-1.3, 0.25, 0.6}};
    for (int k = 0; k < 2; k++) {
        const double *x = points[k];
        double g[3], ref[3], q = 0.0;
        e2e_scalar s = {.label = k == 0 ? "point 1" : "point 2", .n = 3, .x = x, .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, g);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                q += x[i] * A[i][j] * x[j];
        for (int i = 0; i < 3; i++) {
            ref[i] = 0.0;
            for (int j = 0; j < 3; j++)
                ref[i] += (A[i][j] + A[j][i]) * x[j] / q;
        }
        e2e_expect_close(s.label, "grad vs closed form (A+A^T)x/<x,Ax>", g, ref, 3, E2E_CLOSED_TOL);
    }
    return e2e_finish();
}
#endif
