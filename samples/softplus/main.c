/* main.c: softplus of <a, x> at one point: value, gradient and Hessian by adc next to the
 * closed forms grad f = s a and Hessian s (1 - s) a a^T, s = 1 / (1 + exp(-<a, x>)); exits 1
 * if they disagree by more than TOL (relative, see compare.h). */
#include "compare.h"
#include "softplus_ad.h"

#define N 4
#define TOL 1e-12

static const double a[N] = {0.5, -1.0, 0.25, 2.0};

int main(void) {
    const double x[N] = {0.3, -0.7, 1.1, 0.4};
    double grad[N], hessian[N * N], want_grad[N], want_hessian[N * N], t = 0.0;
    double value = softplus_grad(N, a, x, grad);
    if (softplus_hessian(N, a, x, hessian) != 0)
        return 1;
    for (int i = 0; i < N; i++)
        t += a[i] * x[i];
    double s = 1.0 / (1.0 + exp(-t));
    for (int i = 0; i < N; i++) {
        want_grad[i] = s * a[i];
        for (int j = 0; j < N; j++)
            want_hessian[i * N + j] = s * (1.0 - s) * a[i] * a[j];
    }
    printf("f(x) = ln(1 + exp<a,x>), n = %d, <a,x> = %g, s = %.17g\n", N, t, s);
    int failures = compare_value("value", "closed form", value, log1p(exp(t)), TOL);
    failures += compare_vector("gradient", "s a", N, grad, want_grad, TOL);
    failures += compare_matrix("Hessian", "s(1-s) a a^T", N, hessian, want_hessian, TOL);
    return finish(failures);
}
