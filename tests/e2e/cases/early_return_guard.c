/* An early return that guards an index (difftest entry 114): `if (level <= 0) return ...;` in
 * mutually recursive helpers, before `weights[level % 3]`. Its backward sweep tests the guard
 * again instead of popping a bit, so gcc -O2, inlining the recursion from a constant level,
 * sees that no negative index is reached (the old generated file stopped -Werror=array-bounds).
 * Level 1 takes the early return at once, level 4 recurses through both branches. */
#include <math.h>
#include <adc.h>

double weights[3];

static double descend(int level, double p);

static double step_down(int level, double p) {
    double below = descend(level - 1, p);
    return p + 0.5 * below;
}

static double descend(int level, double p) {
    if (level <= 0)
        return sin(p);
    double below = step_down(level - 1, p);
    return below + exp(tanh(weights[level % 3] * p));
}

ADC_DIFF(wrt(x), len(x: 3))
double early_return_guard(const double *x) {
    weights[0] = x[0] * x[1];
    weights[1] = x[1];
    weights[2] = x[2] + x[0];
    return step_down(1, x[0]) + step_down(4, x[1] * x[2]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double early_return_guard_tangent(const double *x, const double *x_d, double *early_return_guard_d);
double early_return_guard_adjoint(const double *x, double *x_b, double early_return_guard_b);
double early_return_guard_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return early_return_guard(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return early_return_guard_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return early_return_guard_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return early_return_guard_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("early_return_guard");
    const double a[3] = {0.7, -0.4, 1.1}, b[3] = {-1.3, 0.9, 0.6};
    e2e_scalar at_a = {.label = "point a", .n = 3, .x = a, .f = primal, .grad = grad,
                       .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&at_a, NULL);
    e2e_scalar at_b = {.label = "point b", .n = 3, .x = b, .f = primal, .grad = grad,
                       .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&at_b, NULL);
    return e2e_finish();
}
#endif
