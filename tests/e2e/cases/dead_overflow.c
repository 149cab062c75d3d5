/* Statements whose results reach no output, where the values overflow to inf: a call whose
 * result is overwritten unread (`d = blowup(d); d *= x[1];`), squarings in a loop after the
 * last read of w, a call in a branch, and inside a checkpointed loop. Reverse mode ran their
 * backward sweep with an adjoint of 0 (a helper's reverse with the seed 0.0; in loops, where
 * zeros are not followed, the statement itself), and 0 * inf is NaN: the adjoint and the
 * gradient were NaN where the tangent is right (tests/difftest seed 311204, bug 16). Such
 * statements now get no backward sweep (and a call runs untaped, as the helper itself).
 * Gradient, tangent and adjoint against finite differences and each other; hvp, Hessian and
 * Jacobian against finite differences of the gradient. */
#include <adc.h>

static double blowup(double p)
{
    double r = p * 1e300;
    r = r * 1e300;
    return r * r;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp, hessian, jacobian))
double dead_overflow(int n, const double *x)
{
    double d = x[0] * x[1];
    double acc = d;
    d = blowup(d); /* dead from here */
    d *= x[1];
    double w = x[1];
    for (int k = 0; k < n; k++) {
        acc += w * x[k]; /* reads the w of the trip before: live around the loop */
        w = w * x[0];
    }
    for (int k = 0; k < 3; k++)
        w = w * w * 1e200; /* dead, inf from the second trip */
    if (x[0] > 0.0)
        d = blowup(acc);
    return acc * x[0];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double dead_overflow_steps(int n, const double *x)
{
    double s = x[0];
    double u = x[1];
    s += u;
    ADC_CHECKPOINT(2)
    for (int k = 0; k < n; k++) {
        s = s * x[k] + 0.5;
        u = blowup(s); /* dead: u is not read again but by the next line */
        u *= x[k];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double dead_overflow_tangent(int n, const double *x, const double *x_d, double *dead_overflow_d);
double dead_overflow_adjoint(int n, const double *x, double *x_b, double dead_overflow_b);
double dead_overflow_grad(int n, const double *x, double *x_grad);
int dead_overflow_hvp(int n, const double *x, const double *x_v, double *x_hv);
int dead_overflow_hessian(int n, const double *x, double *hessian);
int dead_overflow_jacobian(int n, const double *x, double *jacobian);
double dead_overflow_steps_tangent(int n, const double *x, const double *x_d, double *dead_overflow_steps_d);
double dead_overflow_steps_adjoint(int n, const double *x, double *x_b, double dead_overflow_steps_b);
double dead_overflow_steps_grad(int n, const double *x, double *x_grad);

enum { N = 3 };

static double primal(const double *x, void *p) {
    (void)p;
    return dead_overflow(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return dead_overflow_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return dead_overflow_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return dead_overflow_adjoint(N, x, xb, seed);
}
static double steps_primal(const double *x, void *p) {
    (void)p;
    return dead_overflow_steps(N, x);
}
static double steps_grad(const double *x, double *g, void *p) {
    (void)p;
    return dead_overflow_steps_grad(N, x, g);
}
static double steps_tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return dead_overflow_steps_tangent(N, x, v, dv);
}
static double steps_adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return dead_overflow_steps_adjoint(N, x, xb, seed);
}

/* The Hessian by central differences of the gradient, column by column (row-major). */
static void hessian_by_differences(const double *x, double *h) {
    const double step = 1e-5;
    for (int j = 0; j < N; j++) {
        double up[N], down[N], gu[N], gd[N];
        for (int i = 0; i < N; i++)
            up[i] = down[i] = x[i];
        up[j] += step;
        down[j] -= step;
        dead_overflow_grad(N, up, gu);
        dead_overflow_grad(N, down, gd);
        for (int i = 0; i < N; i++)
            h[i * N + j] = (gu[i] - gd[i]) / (2.0 * step);
    }
}

int main(void) {
    e2e_begin("dead_overflow");
    const double x[N] = {0.7, -0.8, 1.1};
    double g[N];
    e2e_scalar s = {.label = "dead_overflow", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double h[N * N], fd[N * N], hv[N], jac[N];
    hessian_by_differences(x, fd);
    e2e_report(dead_overflow_hessian(N, x, h) == 0, s.label, "hessian status");
    e2e_expect_close(s.label, "Hessian vs differences of the gradient", h, fd, N * N, 1e-6);
    for (int j = 0; j < N; j++) {
        double v[N] = {0.0, 0.0, 0.0}, column[N];
        v[j] = 1.0;
        e2e_report(dead_overflow_hvp(N, x, v, hv) == 0, s.label, "hvp status");
        for (int i = 0; i < N; i++)
            column[i] = h[i * N + j];
        e2e_expect_close(s.label, "hvp along a unit vector vs Hessian column", hv, column, N, E2E_EXACT_TOL);
    }
    e2e_report(dead_overflow_jacobian(N, x, jac) == 0, s.label, "jacobian status");
    e2e_expect_close(s.label, "Jacobian vs gradient", jac, g, N, E2E_EXACT_TOL);

    e2e_scalar steps = {.label = "dead_overflow_steps", .n = N, .x = x, .f = steps_primal, .grad = steps_grad,
                        .tangent = steps_tangent, .adjoint = steps_adjoint};
    e2e_run_scalar(&steps, NULL);
    return e2e_finish();
}
#endif
