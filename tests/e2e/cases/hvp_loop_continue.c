/* The Hessian-vector product of a function whose loop skips trips with continue: reverse mode
 * turns the continue into a flag that its forward sweep sets but never reads, and the tangent
 * of that sweep (second order) must still compile under -Wall -Wextra -Werror (it declared
 * the flag set but unused: tests/difftest bug 6). hvp against finite differences of the
 * gradient; gradient against finite differences and the tangent. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double skipping(int n, const double *x)
{
    double s = 0.0;
    int i = 0;
    while (i < n) {
        i++;
        s += x[i - 1] * x[i - 1] * x[0];
        if (x[i - 1] < -0.5)
            continue; /* nothing left to skip: the flag is set and never read */
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double skipping_tangent(int n, const double *x, const double *x_d, double *skipping_d);
double skipping_adjoint(int n, const double *x, double *x_b, double skipping_b);
double skipping_grad(int n, const double *x, double *x_grad);
int skipping_hvp(int n, const double *x, const double *x_v, double *x_hv);

enum { N = 4 };

static double primal(const double *x, void *p) {
    (void)p;
    return skipping(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return skipping_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return skipping_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return skipping_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("hvp_loop_continue");
    const double x[N] = {0.7, -0.8, 0.4, 1.1};
    double g[N];
    e2e_scalar s = {.label = "skipping", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* H e0 in closed form: s = x0 sum_i x_i^2 */
    const double v[N] = {1.0, 0.0, 0.0, 0.0};
    double hv[N], want[N] = {6.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]};
    int status = skipping_hvp(N, x, v, hv);
    e2e_report(status == 0, s.label, "hvp status %d", status);
    e2e_expect_close(s.label, "hvp along e0 vs closed form", hv, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
