// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_caller.c:32:5: error: 'g.u' swapped here, while 'step' re-points the members of '&g' it is given, is not supported
// ERROR: struct_param_swap_caller.c:39:9: error: 'g.unew' swapped here, while 'step' re-points the members of '&g' it is given, is not supported
// A local grid struct given to a step function that swaps its buffers (e2e
// struct_param_swap): adc reads and frees a member given a new block, swapped in the caller too
// or given a pointer parameter through a pointer of its own, which the callee's swaps would
// leave behind (free(g.u) would free the block the member first held). Refused, with the
// rewrite: give the members local pointers' blocks and free those by name.
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

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double run(int n, const double *x, int steps)
{
    grid g;
    g.n = n;
    g.u = calloc(n, sizeof(double));
    double *b = calloc(n, sizeof(double));
    g.unew = b;
    for (int i = 0; i < n; i++)
        g.u[i] = x[i];
    for (int s = 0; s < steps; s++) {
        step(&g);
        g.unew = g.u;
        g.u = b;
        b = g.unew;
    }
    double e = g.u[n / 2];
    free(g.u);
    free(b);
    return e;
}
