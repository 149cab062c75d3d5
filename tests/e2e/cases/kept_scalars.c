/* Helpers writing into local scalars their callers pass by address (kept.c): the caller tapes
 * the scalar before the call only when its own backward sweep reads the value from before
 * the call, and the helper tapes nothing for it. Covers: sums `*px +=` in a loop (forward
 * kinematics of a planar arm); a helper whose own backward sweep reads the final value it
 * leaves (`*t = *p * q[2]` after `*p = ...`), with the caller overwriting that scalar after
 * the call; a helper reading the value it overwrites (`*p = *p * *p + ...`), called in a loop
 * on the same scalar; a scalar whose old value a statement before the call reads; the same
 * scalar given twice (`twice(&s, &s)`: not kept); a helper also called with a parameter's
 * memory (not kept). Gradient checked against finite differences and tangent vs adjoint, the
 * Hessian-vector product (second order reads the generated code back) against differences of
 * the gradient and for symmetry. */
#include <math.h>
#include <adc.h>

static void reach(int n, const double *q, double *px, double *py) {
    double phi = 0.0;
    *px = 0.0;
    *py = 0.0;
    for (int i = 0; i < n; i++) {
        phi += q[i];
        *px += (1.0 + 0.1 * i) * cos(phi);
        *py += (1.0 + 0.1 * i) * sin(phi);
    }
}

static void product_then_scale(const double *q, double *p, double *t) {
    *p = q[0] * q[1];
    *t = *p * q[2];                              /* reads the *p it leaves */
}

static void square_plus(double *p, double c) {
    *p = *p * *p + c;                             /* reads the *p it overwrites */
}

static void twice(double *a, double *b) {
    *a = 2.0 * *b;
    *b = *a * *b;
}

static void grow(double *p, double c) {
    *p = *p * (1.0 + c);
}

static double outer(double *y, double c) {
    grow(y, c);                                   /* a parameter's memory: grow's p is not kept */
    return *y;
}

ADC_DIFF(wrt(q), len(q: n), modes(tangent, adjoint, grad, hvp))
double kept_scalars(int n, const double *q) {
    double px, py, p, t, s = q[1], w = q[2];
    reach(n, q, &px, &py);
    double acc = (px - 0.5) * (px - 0.5) + (py - 1.0) * (py - 1.0);
    product_then_scale(q, &p, &t);
    p = q[3] * t;                                 /* overwrites p, which product_then_scale's backward reads */
    acc += p * t;
    double r = 0.1 * q[0];
    for (int k = 0; k < 3; k++)
        square_plus(&r, q[k]);
    acc += r;
    acc += s * s;                                 /* s read before the call overwrites it */
    twice(&s, &s);
    acc += s;
    grow(&w, q[4]);
    double grown = outer(&w, q[0]);
    acc += w * grown;
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double kept_scalars_tangent(int n, const double *q, const double *q_d, double *kept_scalars_d);
double kept_scalars_adjoint(int n, const double *q, double *q_b, double kept_scalars_b);
double kept_scalars_grad(int n, const double *q, double *q_grad);
int kept_scalars_hvp(int n, const double *q, const double *q_v, double *q_hv);

#define N 6

static double primal(const double *x, void *p) { (void)p; return kept_scalars(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return kept_scalars_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return kept_scalars_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return kept_scalars_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return kept_scalars_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("kept_scalars");
    double q[N];
    e2e_fill(q, N, 4711u, -0.9, 0.9);
    e2e_scalar s = {.label = "kept_scalars", .n = N, .x = q, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
