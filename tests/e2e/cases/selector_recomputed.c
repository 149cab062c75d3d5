/* Switches and else-if chains whose branch the backward sweep decides again from their
 * conditions (analysis/branch_cond.c) instead of taping the branch's number: a switch over an
 * int parameter the function never assigns (lowered through a selector local `int sel = mode;`
 * that recompute.c computes again), over `i % 3` and `k + mode` (indices of the counting loops
 * around it), an else-if chain over a parameter and an index, a switch at the function's top
 * level (its selector recomputed where the backward sweep begins), and an index `up` chosen by
 * `c > 0.5 ? i : n - 1 - i` (recomputed, not taped: its condition compares a double parameter
 * as it is). Each branch overwrites values its backward sweep reads. Beside them, the negative
 * variants: a switch over a local `m` that the loop reassigns from data (flip), one over
 * `int w = mode;` reassigned at the end of each trip, and an else-if chain whose first test
 * reads a parameter and whose second a computed value: their branch numbers stay taped.
 * Checked against finite differences and the dot-product test for each mode, flip and side
 * of c. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, c), len(x: n), modes(tangent, adjoint, grad))
double limited(int n, int mode, double c, const double *x, int flip) {
    double acc = 0.0, t = 0.0;
    int m = mode, w = mode;
    switch (mode) { /* the top level's selector */
    case 0: t = x[0] * c; break;
    default: t = sin(x[0]); break;
    }
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < n; i++) {
            int up = c > 0.5 ? i : n - 1 - i;
            double d = x[up] - t, s;
            switch (mode) {
            case 1: s = d * d; break;
            case 2: s = sin(d) * t; break;
            default: s = d * t; break;
            }
            if (mode == 0)
                t = t * 0.9 + s * x[i];
            else if (i == 2)
                t = tanh(s + t);
            else
                t = t + 0.1 * s * s;
            switch (i % 3) {
            case 0: acc += t * s; break;
            case 1: acc += cos(t); break;
            default: acc -= s * x[up]; break;
            }
            switch (k + mode) {
            case 1: t = t * c; break;
            case 3: t = 0.5 * t + d; break;
            default: break;
            }
            switch (m) { /* m changes with the data: taped */
            case 0: t = t * c; break;
            case 1: t = sqrt(t * t + 1.0); break;
            default: acc += t * t; break;
            }
            switch (w) { /* w is assigned again below: taped */
            case 0: acc += t * d; break;
            case 1: t = t * 0.75; break;
            default: acc -= 0.5 * t * x[i]; break;
            }
            if (mode == 2) /* its second test reads a computed value: taped */
                acc += t * x[i];
            else if (t > 0.6)
                t = t * 0.5 + x[i];
            else
                acc -= 0.25 * t * t;
            if (flip && x[i] > 0.5)
                m = (m + 1) % 3;
            w = (w + k + i) % 3;
        }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include <stdio.h>
#include "../e2e.h"

double limited_tangent(int n, int mode, double c, double c_d, const double *x, const double *x_d, int flip,
                       double *limited_d);
double limited_adjoint(int n, int mode, double c, double *c_b, const double *x, double *x_b, int flip,
                       double limited_b);
double limited_grad(int n, int mode, double c, const double *x, int flip, double *c_grad, double *x_grad);

#define N 5

typedef struct { int mode, flip; } Setting;

/* x[0..N) then c in x[N] */
static double primal(const double *x, void *p) {
    const Setting *s = p;
    return limited(N, s->mode, x[N], x, s->flip);
}
static double grad(const double *x, double *g, void *p) {
    const Setting *s = p;
    return limited_grad(N, s->mode, x[N], x, s->flip, &g[N], g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    const Setting *s = p;
    return limited_tangent(N, s->mode, x[N], v[N], x, v, s->flip, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    const Setting *s = p;
    return limited_adjoint(N, s->mode, x[N], &xb[N], x, xb, s->flip, seed);
}

int main(void) {
    e2e_begin("selector_recomputed");
    for (int k = 0; k < 12; k++) {
        double x[N + 1], g[N + 1];
        Setting s = {k % 3, k / 3 % 2};
        char label[64];
        e2e_fill(x, N, 41u + (unsigned)k, 0.1, 0.9);
        x[N] = k < 6 ? 0.3 : 0.8;
        snprintf(label, sizeof label, "mode %d, flip %d, c %.1f", s.mode, s.flip, x[N]);
        e2e_scalar c = {.label = label, .n = N + 1, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .ctx = &s};
        e2e_run_scalar(&c, g);
    }
    return e2e_finish();
}
#endif
