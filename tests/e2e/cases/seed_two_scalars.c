/* Seed example: L(w1,w2) = w2 log w1 + sqrt(w2 log w1), two scalar parameters active by default (no wrt); closed-form partials; explicit adjoint seed checks. */
#include <math.h>
#include <adc.h>

ADC_DIFF(modes(tangent, adjoint, grad))
double two_scalars(double w1, double w2)
{
    double t = w2 * log(w1);
    return t + sqrt(t);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double two_scalars_tangent(double w1, double w1_d, double w2, double w2_d, double *two_scalars_d);
double two_scalars_adjoint(double w1, double *w1_b, double w2, double *w2_b, double two_scalars_b);
double two_scalars_grad(double w1, double w2, double *w1_grad, double *w2_grad);

static double primal(const double *w, void *p) {
    (void)p;
    return two_scalars(w[0], w[1]);
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return two_scalars_grad(w[0], w[1], &g[0], &g[1]);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return two_scalars_tangent(w[0], v[0], w[1], v[1], dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return two_scalars_adjoint(w[0], &wb[0], w[1], &wb[1], seed);
}

int main(void) {
    e2e_begin("seed_two_scalars");
    const double w[2] = {2.5, 1.7};
    double g[2];
    e2e_scalar s = {.label = "two_scalars", .n = 2, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double t = w[1] * log(w[0]), dLdt = 1.0 + 0.5 / sqrt(t);
    double ref[2] = {dLdt * w[1] / w[0], dLdt * log(w[0])};
    e2e_expect_close(s.label, "grad vs closed form", g, ref, 2, E2E_CLOSED_TOL);

    /* Seed convention by hand: tangent along (1,0) gives dL/dw1; adjoint with seed 0 adds
     * nothing; seed -3 adds -3 * grad to the pre-filled values. */
    double d = 0.0;
    two_scalars_tangent(w[0], 1.0, w[1], 0.0, &d);
    e2e_expect_value(s.label, "tangent along e1 is dL/dw1", d, ref[0], E2E_CLOSED_TOL);
    double b1 = 0.25, b2 = -4.0;
    two_scalars_adjoint(w[0], &b1, w[1], &b2, 0.0);
    double got0[2] = {b1, b2}, want0[2] = {0.25, -4.0};
    e2e_expect_close(s.label, "adjoint with seed 0 leaves adjoints unchanged", got0, want0, 2,
                     E2E_EXACT_TOL);
    two_scalars_adjoint(w[0], &b1, w[1], &b2, -3.0);
    double got1[2] = {b1, b2}, want1[2] = {0.25 - 3.0 * g[0], -4.0 - 3.0 * g[1]};
    e2e_expect_close(s.label, "adjoint with seed -3 adds -3*grad", got1, want1, 2, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
