/* A variable that holds a call's result is assigned again while its old value is still
 * needed: the forward sweep must tape the old value after the callee's own tape entries,
 * since the backward sweep restores it before reversing the callee (the reverse order).
 * Also a hoisted call inside a loop expression. Gradient checked against finite
 * differences, tangent vs adjoint, and the closed form. */
#include <math.h>
#include <adc.h>

static double sq(const double *w) {
    double s = 0.0;
    for (int j = 0; j < 2; j++)
        s += w[j] * w[j];
    return s;
}

static double dot2(const double *w, const double *p) { return w[0] * p[0] + w[1] * p[1]; }

ADC_DIFF(wrt(w), len(w: 2))
double twice_sq(const double *w, const double *pts, int npts) {
    double v = sq(w);
    double r = v * v;
    v = sq(w);
    double loss = r + v * v;
    for (int i = 0; i < npts; i++)
        loss += log1p(exp(-dot2(w, pts + 2 * i)));
    return loss;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double twice_sq_tangent(const double *w, const double *w_d, const double *pts, int npts, double *twice_sq_d);
double twice_sq_adjoint(const double *w, double *w_b, const double *pts, int npts, double twice_sq_b);
double twice_sq_grad(const double *w, const double *pts, int npts, double *w_grad);

#define NPTS 4
static double PTS[2 * NPTS];

static double primal(const double *x, void *p) { (void)p; return twice_sq(x, PTS, NPTS); }
static double grad(const double *x, double *g, void *p) { (void)p; return twice_sq_grad(x, PTS, NPTS, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return twice_sq_tangent(x, v, PTS, NPTS, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return twice_sq_adjoint(x, xb, PTS, NPTS, seed);
}

int main(void) {
    e2e_begin("call_result_overwritten");
    double w[2] = {0.6, -0.4}, g[2], want[2];
    e2e_fill(PTS, 2 * NPTS, 401u, -1.0, 1.0);
    e2e_scalar s = {.label = "w", .n = 2, .x = w, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double q = w[0] * w[0] + w[1] * w[1]; /* loss = 2 q^2 + sum log(1 + exp(-<w,p>)) */
    for (int k = 0; k < 2; k++) {
        want[k] = 8.0 * q * w[k];
        for (int i = 0; i < NPTS; i++) {
            double z = w[0] * PTS[2 * i] + w[1] * PTS[2 * i + 1];
            want[k] -= PTS[2 * i + k] / (1.0 + exp(z));
        }
    }
    e2e_expect_close(s.label, "grad vs closed form", g, want, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
