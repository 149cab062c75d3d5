/* hvp of a function that calls a helper mallocing a work block, where the helper's result is
 * only compared (`if (relaxed(...) > 0.5)`) and again where it is used. In adc's adjoint read
 * back for second order, the compared call's forward sweep has nothing active and becomes a
 * copy without derivatives; its blocks still need (zero) tangent blocks, which the backward
 * sweep's tangent pops and writes. Before, the copy pushed null pointers there and f_hvp
 * segfaulted (difftest entry 74, long-run seed 2011396). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static double relaxed(double p, double s)
{
    double *w = malloc(3 * sizeof(double));
    if (!w)
        return 0.0;
    w[0] = p * s;
    for (int i = 1; i < 3; i++)
        w[i] = sin(w[i - 1]) * s + 0.1 * p;
    double r = w[0] * w[2] + w[1];
    free(w);
    return r;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double hvp_heap_helper_in_condition(const double *x)
{
    double s = x[0] * x[1] + x[2] * x[2];
    if (relaxed(x[0] * x[2], x[1]) > 0.5)
        s *= 1.5;
    return s + relaxed(x[1], x[0] + x[2]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double hvp_heap_helper_in_condition_tangent(const double *x, const double *x_d, double *f_d);
double hvp_heap_helper_in_condition_adjoint(const double *x, double *x_b, double f_b);
double hvp_heap_helper_in_condition_grad(const double *x, double *x_grad);
int hvp_heap_helper_in_condition_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return hvp_heap_helper_in_condition(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return hvp_heap_helper_in_condition_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return hvp_heap_helper_in_condition_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return hvp_heap_helper_in_condition_adjoint(x, xb, seed);
}

static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return hvp_heap_helper_in_condition_hvp(x, v, hv);
}

int main(void) {
    e2e_begin("hvp_heap_helper_in_condition");
    const double taken[3] = {0.9, 1.2, 0.8}, not_taken[3] = {0.2, -0.3, 0.1}; /* the if both ways */
    e2e_expect_close("branch", "the if is taken at the first point", &(double){relaxed(taken[0] * taken[2], taken[1]) > 0.5},
                     &(double){1.0}, 1, 0.0);
    e2e_expect_close("branch", "and not at the second", &(double){relaxed(not_taken[0] * not_taken[2], not_taken[1]) > 0.5},
                     &(double){0.0}, 1, 0.0);
    for (int k = 0; k < 2; k++) {
        const double *x = k ? not_taken : taken;
        const char *label = k ? "not taken" : "taken";
        e2e_scalar s = {.label = label, .n = 3, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .hvp = hvp};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
