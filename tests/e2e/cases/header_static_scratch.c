/* Mutable statics of a header used as scratch (header_static_scratch.h): accepted, as every
 * read follows an assignment in the same block; a header static read before that is refused
 * (tests/bad/header_static_table.c). A running maximum of a smooth profile. Needs libclang >= 17
 * (the macros spell operators in their bodies). */
#include <math.h>
#include <adc.h>
#include "header_static_scratch.h"

ADC_DIFF(wrt(x), len(x: n))
double peak_sum(const double *x, int n)
{
    double big = -1.0e30, s = 0.0;
    for (int i = 0; i < n; i++) {
        big = HS_DMAX(big, sin(x[i]) + 0.5 * x[i] * x[i]);
        s += big * x[i] + HS_DSQR(x[i] - 0.5);
    }
    return s + HS_DMAX(x[0] * x[1], x[2]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double peak_sum_tangent(const double *x, const double *x_d, int n, double *peak_sum_d);
double peak_sum_grad(const double *x, int n, double *x_grad);
double peak_sum_adjoint(const double *x, double *x_b, int n, double peak_sum_b);

static double primal(const double *x, void *p) {
    (void)p;
    return peak_sum(x, 5);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return peak_sum_grad(x, 5, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return peak_sum_tangent(x, v, 5, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return peak_sum_adjoint(x, xb, 5, seed);
}

int main(void) {
    e2e_begin("header_static_scratch");
    double x[5] = {0.3, -0.8, 1.1, 0.4, 1.7};
    e2e_scalar s = {.label = "running maximum through header statics", .n = 5, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
