/* A helper whose loop reads, through a const parameter, memory it writes through another:
 * `accumulate(3, y, y, a)` with `out[0] += in[0] * s` in a loop over k. The backward sweep of
 * such a loop sums the adjoint increments of an element it reads at the same place on every
 * trip (in_b[0]) in a local and adds it after the loop (loop_adjoint.c), which holds only if
 * the loop writes nothing there; here in_b[0] is out_b[0], which every trip reads and
 * scales. Before, adc took in for memory apart from out (difftest seed 5100031, README entry
 * 82): the gradient was off by 71 % in its first entry. Checks: finite differences, the dot-product test,
 * hvp against finite differences of the gradient and its symmetry, and the gradient against a
 * twin that keeps the values in locals. */
#include <math.h>
#include <adc.h>

static void accumulate(int q, double *out, const double *in, double s)
{
    for (int k = 0; k < q; k++)
        out[0] += in[0] * s;
}

static void square_scale(int q, double *out, const double *in, double s)
{
    for (int k = 0; k < q; k++)
        out[1] = in[1] * in[1] * s;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double aliased_loop_sum(int n, const double *x)
{
    double y[2] = {x[0], x[1]};
    accumulate(3, y, y, x[1]);
    square_scale(2, y, y, x[2]);
    return y[0] + y[1] + x[n - 1];
}

/* The same arithmetic on locals. */
ADC_DIFF(wrt(x), len(x: n), modes(grad))
double aliased_loop_sum_twin(int n, const double *x)
{
    double y0 = x[0], y1 = x[1];
    for (int k = 0; k < 3; k++)
        y0 += y0 * x[1];
    for (int k = 0; k < 2; k++)
        y1 = y1 * y1 * x[2];
    return y0 + y1 + x[n - 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double aliased_loop_sum_tangent(int n, const double *x, const double *x_d, double *f_d);
double aliased_loop_sum_adjoint(int n, const double *x, double *x_b, double f_b);
double aliased_loop_sum_grad(int n, const double *x, double *x_grad);
int aliased_loop_sum_hvp(int n, const double *x, const double *x_v, double *x_hv);
double aliased_loop_sum_twin_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return aliased_loop_sum(3, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return aliased_loop_sum_grad(3, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return aliased_loop_sum_tangent(3, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return aliased_loop_sum_adjoint(3, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return aliased_loop_sum_hvp(3, x, v, hv);
}

int main(void) {
    e2e_begin("aliased_loop_sum");
    const double x[3] = {0.7, -0.3, 1.4};
    double g[3], twin[3];
    e2e_scalar s = {.label = "aliased_loop_sum", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    e2e_expect_value("aliased_loop_sum", "value vs twin", aliased_loop_sum(3, x),
                     aliased_loop_sum_twin(3, x), E2E_EXACT_TOL);
    aliased_loop_sum_twin_grad(3, x, twin);
    e2e_expect_close("aliased_loop_sum", "gradient vs twin", g, twin, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
