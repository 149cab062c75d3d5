/* A loop body defines `double d = s;` from a scalar parameter s that the function assigns
 * once, after the loop (`s = p[0];`). In the forward sweep s keeps its entry value while the
 * loop runs, but the backward sweep reverses `s = p[0]` first: recomputing d there from s
 * (in place of taping it) read the new value for the old, a wrong adjoint with no diagnostic
 * (difftest seed 7100066, README entry 84). Both in a helper and in the requested function
 * itself. Checked against finite differences, the dot-product test, the adjoint's
 * increments, and hvp against finite differences of the gradient and its symmetry. */
#include <math.h>
#include <adc.h>

static void spread(int n, double *p, double s) {
    for (int k = 0; k < n; k++) {
        double d = s;
        for (int i = 0; i < n; i++)
            p[i] += sin(p[(i + 1) % n]) * d;
    }
    s = p[0];
    p[1] += s * s;
}

ADC_DIFF(wrt(a, x), len(x: n), modes(tangent, adjoint, grad, hvp))
double later(double a, int n, const double *x) {
    double p[4];
    for (int i = 0; i < 4; i++)
        p[i] = x[i % n] * (i + 1);
    double acc = 0.0;
    for (int k = 0; k < 3; k++) {
        double d = a;
        acc += d * p[k] * p[k + 1];
        p[k] = cos(acc);
    }
    a = p[2];
    spread(4, p, a * x[0]);
    return acc + a * p[1] + p[3];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double later_tangent(double a, double a_d, int n, const double *x, const double *x_d, double *later_d);
double later_adjoint(double a, double *a_b, int n, const double *x, double *x_b, double later_b);
double later_grad(double a, int n, const double *x, double *a_grad, double *x_grad);
int later_hvp(double a, double a_v, double *a_hv, int n, const double *x, const double *x_v, double *x_hv);

#define N 3 /* packed inputs: a, x[0], x[1], x[2] */

static double primal(const double *u, void *p) {
    (void)p;
    return later(u[0], N, u + 1);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return later_grad(u[0], N, u + 1, &g[0], g + 1);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return later_tangent(u[0], v[0], N, u + 1, v + 1, dv);
}
static double adjoint(const double *u, double *ub, double seed, void *p) {
    (void)p;
    return later_adjoint(u[0], &ub[0], N, u + 1, ub + 1, seed);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return later_hvp(u[0], v[0], &hv[0], N, u + 1, v + 1, hv + 1);
}

int main(void) {
    e2e_begin("recompute_param_assigned_later");
    double u[N + 1];
    e2e_fill(u, N + 1, 71u, -0.9, 0.9);
    e2e_scalar s = {.label = "later", .n = N + 1, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
