/* A helper called with nothing active that overwrites memory an earlier partial read: a local
 * array (kept by the caller), a heap block, and a local scalar passed by address. The backward
 * sweep must see the values the partials read, as they were: the call runs as g_forward and
 * g_reverse, which tape and undo its writes. Before, it ran as a plain copy and the backward
 * sweep read what it left (difftest seeds 2012377 and 2012694, README entry 76): the adjoint
 * of x[0] came out cos(x[0]) * 3.5 where it is 0. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

static void bump(int n, double p[n], double k)
{
    p[0] += 1.5 + k;
    p[n - 1] *= k;
}

static void twice(double *p, double k)
{
    *p = 2.0 * k;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double inactive_call_writes(int n, const double *x)
{
    double local[3] = {0.0, 0.5, 0.25};
    double *block = malloc(3 * sizeof *block);
    memset(block, 0, 3 * sizeof(double));
    double t = 1.25;
    double c = sin(x[0]) * local[0] + cos(x[1]) * block[0] + x[2] * x[1] * t;
    for (int k = 0; k < 2; k++) {
        c += x[k % n] * local[2] * block[2];
        bump(3, local, 2.0);
        bump(3, block, 0.5);
        twice(&t, 3.0 + k);
    }
    double r = c + local[0] * x[1] + block[0] * x[0] + t * x[2];
    free(block);
    return r;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double inactive_call_writes_tangent(int n, const double *x, const double *x_d, double *f_d);
double inactive_call_writes_adjoint(int n, const double *x, double *x_b, double f_b);
double inactive_call_writes_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return inactive_call_writes(3, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return inactive_call_writes_grad(3, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return inactive_call_writes_tangent(3, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return inactive_call_writes_adjoint(3, x, xb, seed);
}

int main(void) {
    e2e_begin("inactive_call_writes");
    const double x[3] = {0.7, -0.3, 0.4};
    double g[3];
    e2e_scalar s = {.label = "inactive_call_writes", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* closed form: the partials read local[0] = 0, block[0] = 0, block[2] = 0 and t = 1.25;
     * the calls leave local[0] = 7, block[0] = 4, t = 8: r = 1.25 x2 x1 + 7 x1 + 4 x0 + 8 x2 */
    double want[3] = {4.0, 1.25 * x[2] + 7.0, 1.25 * x[1] + 8.0};
    e2e_expect_close("inactive_call_writes", "gradient vs closed form", g, want, 3, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
