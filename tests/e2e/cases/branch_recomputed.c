/* Ifs whose condition the backward sweep evaluates again instead of taping the branch taken
 * (analysis/branch_cond.c): tests of the index of a counting loop around them (`i == 0`,
 * `i % 2 == 1 && i < n - 1`, an outer index), of an int parameter the function never assigns
 * (`mode == 1`) and of a double parameter compared as it is (`c > 0.5`), each branch
 * overwriting values its backward sweep reads. Beside them, conditions that keep their taped
 * bit: a parameter the function assigns, floating arithmetic, an else-if chain. Checked
 * against finite differences and the dot-product test, for both values of mode and of c. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, c), len(x: n), modes(tangent, adjoint, grad))
double branchy(int n, int mode, double c, const double *x, int shift) {
    double acc = 0.0, t = 0.0;
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < n; i++) {
            if (i == 0)
                t = sin(x[i]) * c;
            else
                t = t * x[i];
            if (i % 2 == 1 && i < n - 1)
                t = tanh(t * t + 0.5 * x[i + 1]);
            if (k == 1 && mode == 1)
                acc += t * x[i];
            else
                acc += cos(t);
            if (c > 0.5)
                t = t * c;
            if (shift > 1)                /* shift is assigned below: taped */
                t = t * x[0];
            if (x[i] * c > 0.1)           /* floating arithmetic: taped */
                acc += t * t;
            else if (i == 2)              /* a chain: its branch number taped */
                acc += exp(t);
            else
                acc -= t * 0.25;
        }
    shift = shift - 1;
    return acc * (double)shift;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double branchy_tangent(int n, int mode, double c, double c_d, const double *x, const double *x_d, int shift,
                       double *branchy_d);
double branchy_adjoint(int n, int mode, double c, double *c_b, const double *x, double *x_b, int shift,
                       double branchy_b);
double branchy_grad(int n, int mode, double c, const double *x, int shift, double *c_grad, double *x_grad);

#define N 5

typedef struct { int mode, shift; } Setting;

/* x[0..N) then c in x[N] */
static double primal(const double *x, void *p) {
    const Setting *s = p;
    return branchy(N, s->mode, x[N], x, s->shift);
}
static double grad(const double *x, double *g, void *p) {
    const Setting *s = p;
    return branchy_grad(N, s->mode, x[N], x, s->shift, &g[N], g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    const Setting *s = p;
    return branchy_tangent(N, s->mode, x[N], v[N], x, v, s->shift, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    const Setting *s = p;
    return branchy_adjoint(N, s->mode, x[N], &xb[N], x, xb, s->shift, seed);
}

int main(void) {
    e2e_begin("branch_recomputed");
    static const char *const labels[4] = {"mode 1, c 0.3", "mode 0, c 0.3", "mode 1, c 0.8", "mode 0, c 0.8"};
    for (int k = 0; k < 4; k++) {
        double x[N + 1], g[N + 1];
        Setting s = {k % 2 == 0, 2 + k % 2};
        e2e_fill(x, N, 71u + (unsigned)k, 0.2, 0.9);
        x[N] = k < 2 ? 0.3 : 0.8;
        e2e_scalar c = {.label = labels[k], .n = N + 1, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .ctx = &s};
        e2e_run_scalar(&c, g);
    }
    return e2e_finish();
}
#endif
