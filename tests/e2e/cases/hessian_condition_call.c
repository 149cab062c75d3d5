/* A helper whose value only decides a branch (`if (bend(x[0], x[1]) > -0.5)`): the adjoint's
 * forward sweep still tapes what the helper's backward sweep pops (it runs it with a zero
 * seed), and the Hessian differentiates that tape once more. The copy of the helper's forward
 * sweep called where nothing is active must push one zero tangent per direction of the vector
 * mode: with one, the vector Hessian's backward sweep read the tape out of step and crashed
 * (difftest seed 1000260). Hessian against n HVPs, finite differences of the gradient, and
 * symmetry. */
#include <math.h>
#include <adc.h>

static double bend(double u, double v) {
    double t = u * v;
    if (t > 0.1)
        t = sin(t) + u;
    return t * t;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian), vector(2))
double branchy(int n, const double *x) {
    double s = x[0] * x[n - 1];
    for (int i = 0; i + 1 < n; i++)
        s = sin(s + x[i] * x[i + 1]);
    if (bend(x[0], x[1]) > -0.5)
        s = s * x[0] * x[1] + exp(0.5 * x[2]);
    return s * s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double branchy_grad(int n, const double *x, double *x_b);
int branchy_hvp(int n, const double *x, const double *x_v, double *x_hv);
int branchy_hessian(int n, const double *x, double *hessian);

#define N 5

int main(void) {
    e2e_begin("hessian_condition_call");
    double x[N], h[N * N], by_hvp[N * N], fd[N * N];
    e2e_fill(x, N, 61u, -1.0, 1.0);
    e2e_expect_value("branchy", "vector Hessian returns 0", branchy_hessian(N, x, h), 0.0, 0.0);
    for (int j = 0; j < N; j++) {
        double unit[N] = {0}, column[N], xp[N], xm[N], gp[N], gm[N], step = 1e-5;
        unit[j] = 1.0;
        branchy_hvp(N, x, unit, column);
        for (int i = 0; i < N; i++) {
            by_hvp[i * N + j] = column[i];
            xp[i] = x[i] + (i == j ? step : 0.0);
            xm[i] = x[i] - (i == j ? step : 0.0);
        }
        branchy_grad(N, xp, gp);
        branchy_grad(N, xm, gm);
        for (int i = 0; i < N; i++)
            fd[i * N + j] = (gp[i] - gm[i]) / (2.0 * step);
    }
    e2e_expect_close("branchy", "vector Hessian vs n HVPs", h, by_hvp, N * N, E2E_EXACT_TOL);
    e2e_expect_close("branchy", "vector Hessian vs differences of the gradient", h, fd, N * N, 1e-6);
    e2e_expect_symmetric("branchy", h, N);
    return e2e_finish();
}
#endif
