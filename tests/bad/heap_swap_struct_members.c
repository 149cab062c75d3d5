// ARGS:
// EXIT: 1
// ERROR: heap_swap_struct_members.c:25:12: error: in reverse mode, re-pointing the members of 'g', a parameter of the function differentiated (here), is not supported
// Buffers swapped through the members of a struct PARAMETER of the function differentiated
// (issue 15): tangent modes swap the shadow struct's members in lockstep (e2e
// struct_param_swap), but the backward sweep of its gradient would begin with the caller's
// gradient struct pairing each shadow array with the buffer the member held when it was called,
// while the swaps left the members elsewhere: refused in reverse mode. Swapping in a step
// function given a local struct works in every mode (e2e struct_param_swap), as does swapping
// through a local struct (e2e struct_member_swap, realworld heat_grid).
#include <adc.h>

struct grid {
    int n;
    double *u, *unew;
};

ADC_DIFF(wrt(g), len(g: 1, g.u: g->n, g.unew: g->n), modes(tangent, grad))
double relax(struct grid *g, int steps)
{
    for (int s = 0; s < steps; s++) {
        for (int i = 1; i < g->n - 1; i++)
            g->unew[i] = 0.5 * (g->u[i - 1] + g->u[i + 1]) * g->u[i];
        double *t = g->u;
        g->u = g->unew;
        g->unew = t;
    }
    return g->u[1];
}
