/* Conditional operator ?: (active and inactive conditions, nested, active values in both arms), if / else if / else chains on active values, an inactive bool parameter. */
#include <math.h>
#include <stdbool.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double conditional_ops(int n, const double *x, bool clamp)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double v = x[i];
        double t = v > 0.0 ? v * v : -v * sin(v);
        if (t > 1.0) {
            t = 1.0 + log(t);
        } else if (t > 0.25) {
            t = t * t;
        } else {
            t = 0.5 * t + 0.1 * v;
        }
        s += (i % 2 == 0) ? t : 2.0 * t;
        s += v < -0.5 ? (v < -1.5 ? v * v : exp(v)) : 0.25 * v;
    }
    if (clamp && s > 3.0)
        s = 3.0 + 0.5 * (s - 3.0);
    double m = s > 1.0 ? sqrt(s) : s;
    return clamp ? m * s : -m;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double conditional_ops_tangent(int n, const double *x, const double *x_d, bool clamp,
                               double *conditional_ops_d);
double conditional_ops_adjoint(int n, const double *x, double *x_b, bool clamp,
                               double conditional_ops_b);
double conditional_ops_grad(int n, const double *x, bool clamp, double *x_grad);

#define N 8
static double primal(const double *x, void *p) {
    return conditional_ops(N, x, *(const bool *)p);
}
static double grad(const double *x, double *g, void *p) {
    return conditional_ops_grad(N, x, *(const bool *)p, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return conditional_ops_tangent(N, x, v, *(const bool *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return conditional_ops_adjoint(N, x, xb, *(const bool *)p, seed);
}

int main(void) {
    e2e_begin("conditional_ops");
    /* Every branch is taken by some element, all well away from its threshold:
     * v > 0 with t > 1, 0.25 < t <= 1 and t <= 0.25; v < 0 with the three ?: arms. */
    const double x[N] = {1.6, 0.7, 0.3, -0.2, -0.9, -1.9, 2.2, -0.6};
    bool on = true, off = false;
    e2e_scalar s = {.label = "clamp", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &on};
    e2e_run_scalar(&s, NULL);
    e2e_scalar s2 = {.label = "no clamp", .n = N, .x = x, .f = primal, .grad = grad,
                     .tangent = tangent, .adjoint = adjoint, .ctx = &off};
    e2e_run_scalar(&s2, NULL);
    return e2e_finish();
}
#endif
