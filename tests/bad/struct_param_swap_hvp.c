// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_hvp.c:20:8: error: modes hvp and hessian do not support buffers swapped through the members of a struct parameter ('g->u', in 'run' or a function it calls)
// Buffers swapped through the members of a struct parameter work in first order (e2e
// struct_param_swap); the backward sweep finds each shadow block by comparing pointers, which the
// adjoint code adc reads back for second order cannot carry tangents through: hvp refuses it.
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

ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double run(int n, const double *x, int steps)
{
    double *a = calloc(n, sizeof(double)), *b = calloc(n, sizeof(double));
    grid g = {n, a, b};
    for (int i = 0; i < n; i++)
        a[i] = x[i];
    for (int k = 0; k < steps; k++)
        step(&g);
    double e = g.u[n / 2];
    free(a);
    free(b);
    return e;
}
