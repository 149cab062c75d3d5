/* A variable-length local array given to a helper that updates it in place, in a loop, with
 * hvp: the backward sweep keeps the array's elements for the call, counting them by the
 * array's declared length. Before, the count was `sizeof v / sizeof *v`, which adc itself
 * refuses (sizeof of a VLA) when it reads its adjoint back for second order: an internal
 * failure (difftest seed 3400164). */
#include <math.h>
#include <adc.h>

static void relax(int q, double p[q], double s)
{
    for (int i = 1; i < q; i++)
        p[i] = 0.5 * p[i] + 0.5 * sin(p[i - 1]) * s;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double vla_helper_hvp(int n, const double *x)
{
    double v[n];
    for (int i = 0; i < n; i++)
        v[i] = x[i] * x[(i + 1) % n];
    double s = 0.0;
    for (int k = 0; k < 3; k++) {
        relax(n, v, x[k % n]);
        s += v[n - 1] * v[0];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double vla_helper_hvp_tangent(int n, const double *x, const double *x_d, double *f_d);
double vla_helper_hvp_adjoint(int n, const double *x, double *x_b, double f_b);
double vla_helper_hvp_grad(int n, const double *x, double *x_grad);
int vla_helper_hvp_hvp(int n, const double *x, const double *x_v, double *x_hv);

enum { N = 4 };

static double primal(const double *x, void *p) {
    (void)p;
    return vla_helper_hvp(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return vla_helper_hvp_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return vla_helper_hvp_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return vla_helper_hvp_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return vla_helper_hvp_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("vla_helper_hvp");
    const double x[N] = {0.7, -0.4, 1.1, 0.35};
    e2e_scalar s = {.label = "vla_helper_hvp", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
