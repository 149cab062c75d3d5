// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_reverse.c:22:8: error: in reverse mode, re-pointing the member 'u' of a struct parameter (buffers swapped through it, 'g->u = ...;') is not supported
// ERROR: struct_param_swap_reverse.c:23:8: error: in reverse mode, re-pointing the member 'unew' of a struct parameter
// A step function swapping a grid's buffers through the struct it is given works in tangent
// and vector tangent modes (e2e struct_param_swap: the shadow members swap in lockstep). In
// reverse mode the backward sweep would have to point each shadow member back to the shadow
// block the forward sweep used at each step, which its forward sweep does not tape: refused.
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    double *u, *unew;
} grid;

static void step(grid *g)
{
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = 0.5 * (g->u[i - 1] + g->u[i + 1]) * g->u[i];
    double *t = g->u;
    g->u = g->unew;
    g->unew = t;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad))
double run(int n, const double *x, int steps)
{
    double *a = calloc(n, sizeof(double)), *b = calloc(n, sizeof(double));
    grid g = {n, a, b};
    for (int i = 0; i < n; i++)
        a[i] = x[i];
    for (int s = 0; s < steps; s++)
        step(&g);
    double e = g.u[n / 2];
    free(a);
    free(b);
    return e;
}
