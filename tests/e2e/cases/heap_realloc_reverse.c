/* realloc of blocks that carry derivatives, in reverse mode: a trajectory recorded into a
 * buffer that starts null and doubles with realloc as it fills (realloc from null allocates),
 * a second buffer malloc'd, grown and then shrunk to what it holds, both read after they grew
 * and freed at the end. Once refused: "'realloc' is not supported in reverse mode". The
 * forward sweep grows each block's shadow with it (all zero there) and never shrinks either;
 * the pointer is not taped (the old block is gone): the backward sweep leaves it on its last
 * block, which holds every element. FD, tangent against grad (dot product), closed form. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x0, k))
double heap_realloc_reverse(double x0, double k, int steps)
{
    double *traj = NULL, *sq = (double *)malloc(2 * sizeof(double));
    int cap = 0, cap2 = 2;
    double x = x0, s = 0.0;
    for (int t = 0; t < steps; t++) {
        if (t == cap) {
            cap = cap ? 2 * cap : 1;
            traj = (double *)realloc(traj, cap * sizeof(double));
        }
        if (t == cap2) {
            cap2 *= 2;
            sq = (double *)realloc(sq, cap2 * sizeof(double));
        }
        traj[t] = x;
        sq[t] = x * x;
        x = x + k * sin(x);
    }
    sq = (double *)realloc(sq, steps * sizeof(double)); /* shrunk to what it holds */
    for (int t = 0; t < steps; t++)
        s += traj[t] * sq[steps - 1 - t];
    free(traj);
    free(sq);
    return s + x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_realloc_reverse_tangent(double x0, double x0_d, double k, double k_d, int steps, double *d);
double heap_realloc_reverse_grad(double x0, double k, int steps, double *x0_grad, double *k_grad);

enum { STEPS = 11 };

static double primal(const double *p, void *ctx) {
    (void)ctx;
    return heap_realloc_reverse(p[0], p[1], STEPS);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    return heap_realloc_reverse_grad(p[0], p[1], STEPS, &g[0], &g[1]);
}
static double tangent(const double *p, const double *v, double *d, void *ctx) {
    (void)ctx;
    return heap_realloc_reverse_tangent(p[0], v[0], p[1], v[1], STEPS, d);
}

int main(void) {
    e2e_begin("heap_realloc_reverse");
    double p[2] = {0.4, 0.3};
    e2e_scalar c = {.label = "trajectory", .n = 2, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    /* One step: s = x0 * x0^2, the end x1 = x0 + k sin x0: d/dx0 = 3 x0^2 + 1 + k cos x0,
     * d/dk = sin x0. */
    double g[2], want[2] = {3.0 * p[0] * p[0] + 1.0 + p[1] * cos(p[0]), sin(p[0])};
    heap_realloc_reverse_grad(p[0], p[1], 1, &g[0], &g[1]);
    e2e_expect_close("one step", "grad against the closed form", g, want, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
