/* for loops with continue (inactive and active conditions) and break on an active running sum (data-dependent trip count), nested loops with inner break, product accumulation. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double loops_break_continue(int n, const double *x, double limit)
{
    double s = 0.0;
    int used = 0;
    for (int i = 0; i < n; i++) {
        if (i % 4 == 3)
            continue;
        if (x[i] < 0.0)
            continue;
        s += x[i] * x[i] + sin(x[i]);
        used++;
        if (s > limit)
            break;
    }
    double p = 1.0;
    for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
            if (j - i > 2)
                break;
            p *= 1.0 + 0.1 * x[i] * x[j];
        }
    }
    return s * used + p;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double loops_break_continue_tangent(int n, const double *x, const double *x_d, double limit,
                                    double *loops_break_continue_d);
double loops_break_continue_adjoint(int n, const double *x, double *x_b, double limit,
                                    double loops_break_continue_b);
double loops_break_continue_grad(int n, const double *x, double limit, double *x_grad);

#define N 12
static double primal(const double *x, void *p) {
    return loops_break_continue(N, x, *(const double *)p);
}
static double grad(const double *x, double *g, void *p) {
    return loops_break_continue_grad(N, x, *(const double *)p, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return loops_break_continue_tangent(N, x, v, *(const double *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return loops_break_continue_adjoint(N, x, xb, *(const double *)p, seed);
}

int main(void) {
    e2e_begin("loops_break_continue");
    const double x[N] = {0.5, -0.3, 0.8, 1.1, 0.4, -0.7, 0.9, 0.6, 0.35, 0.75, -0.2, 0.55};
    /* limit 2.3: the running sum goes 0.73, 2.09, 2.64 (break at i = 4, 0.2 away from the
     * limit either side); limit 100: the loop runs to the end (sum 5.94). */
    double limit = 2.3, no_limit = 100.0;
    e2e_scalar s = {.label = "break at i=4", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &limit};
    e2e_run_scalar(&s, NULL);
    e2e_scalar s2 = {.label = "no break", .n = N, .x = x, .f = primal, .grad = grad,
                     .tangent = tangent, .adjoint = adjoint, .ctx = &no_limit};
    e2e_run_scalar(&s2, NULL);
    return e2e_finish();
}
#endif
