/* main.c: ln<x, Ax> at one point: value, gradient and Hessian by adc next to the closed
 * forms grad f = 2 Ax / q and Hessian 2 A / q - 4 (Ax)(Ax)^T / q^2, q = <x, Ax>; exits 1 if
 * they disagree by more than TOL (relative, see compare.h). */
#include "compare.h"
#include "log_quadratic_ad.h"

#define N 4
#define TOL 1e-12

/* Symmetric and strictly diagonally dominant with a positive diagonal: positive definite. */
static const double A[N * N] = {
    4.0, 1.0, 0.5, 0.0,
    1.0, 3.0, 0.25, 0.5,
    0.5, 0.25, 5.0, 1.0,
    0.0, 0.5, 1.0, 2.0,
};

int main(void) {
    const double x[N] = {0.3, -0.7, 1.1, 0.4};
    double grad[N], hessian[N * N], want_grad[N], want_hessian[N * N], ax[N], q = 0.0;
    double value = log_quadratic_grad(N, A, x, grad);
    if (log_quadratic_hessian(N, A, x, hessian) != 0)
        return 1;
    for (int i = 0; i < N; i++) {
        ax[i] = 0.0;
        for (int j = 0; j < N; j++)
            ax[i] += A[i * N + j] * x[j];
        q += x[i] * ax[i];
    }
    for (int i = 0; i < N; i++) {
        want_grad[i] = 2.0 * ax[i] / q;
        for (int j = 0; j < N; j++)
            want_hessian[i * N + j] = 2.0 * A[i * N + j] / q - 4.0 * ax[i] * ax[j] / (q * q);
    }
    printf("f(x) = ln<x,Ax>, n = %d, A symmetric positive definite, q = <x,Ax> = %.17g\n", N, q);
    int failures = compare_value("value", "closed form", value, log(q), TOL);
    failures += compare_vector("gradient", "2Ax/q", N, grad, want_grad, TOL);
    failures += compare_matrix("Hessian", "2A/q - 4(Ax)(Ax)^T/q^2", N, hessian, want_hessian, TOL);
    return finish(failures);
}
