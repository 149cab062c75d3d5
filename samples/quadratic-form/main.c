/* main.c: the quadratic form at one point: value, gradient and Hessian by adc next to the
 * closed forms grad f = (A + A^T) x - b and Hessian A + A^T; exits 1 if they disagree by
 * more than TOL (relative, see compare.h). */
#include "compare.h"
#include "quadratic_form_ad.h"

#define N 4
#define TOL 1e-12

static const double A[N * N] = {
    2.0, 1.0, 0.0, 0.5,
    -0.5, 3.0, 1.0, 0.0,
    0.0, 0.25, 4.0, -1.0,
    1.0, 0.0, 0.5, 5.0,
};
static const double b[N] = {1.0, -2.0, 0.5, 3.0};
static const double c = 3.0;

int main(void) {
    const double x[N] = {0.3, -0.7, 1.1, 0.4};
    double grad[N], hessian[N * N], want_grad[N], want_hessian[N * N], want_value = c;
    double value = quadratic_form_grad(N, A, b, c, x, grad);
    if (quadratic_form_hessian(N, A, b, c, x, hessian) != 0)
        return 1;
    for (int i = 0; i < N; i++) {
        want_grad[i] = -b[i];
        for (int j = 0; j < N; j++) {
            want_hessian[i * N + j] = A[i * N + j] + A[j * N + i];
            want_grad[i] += want_hessian[i * N + j] * x[j];
            want_value += x[i] * A[i * N + j] * x[j];
        }
        want_value -= b[i] * x[i];
    }
    printf("f(x) = <x,Ax> - b.x + c, n = %d, A not symmetric\n", N);
    int failures = compare_value("value", "closed form", value, want_value, TOL);
    failures += compare_vector("gradient", "(A+A^T)x - b", N, grad, want_grad, TOL);
    failures += compare_matrix("Hessian", "A + A^T", N, hessian, want_hessian, TOL);
    return finish(failures);
}
