// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_requested.c:27:18: error: in reverse mode, re-pointing the members of 'g', a parameter of the function differentiated (in a function it gives them to), is not supported
// A function differentiated in reverse mode whose struct parameter's buffers are swapped, by
// itself or by a step function it gives the struct to: its caller's gradient struct pairs each
// shadow array with the buffer the member held when it was called, while the backward sweep
// begins where the swaps left the members. Refused (tangent modes take it: the shadow members
// swap in lockstep); swap the buffers in a local struct of the function (e2e struct_param_swap).
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

ADC_DIFF(wrt(g), len(g: 1, g.u: g->n, g.unew: g->n), modes(grad))
double run(grid *g, int steps)
{
    for (int k = 0; k < steps; k++)
        step(g);
    return g->u[g->n / 2];
}
