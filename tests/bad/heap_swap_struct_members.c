// ARGS:
// EXIT: 1
// ERROR: heap_swap_struct_members.c:23:12: error: storing a pointer to floating data in the struct member 'u' is not supported: adc cannot tell which array its derivative points into; swap the buffers where the struct is a local variable (grid_t g; g.u = malloc(...); ... double *t = g.u; g.u = g.unew; g.unew = t;), or in local pointer variables
// ERROR: heap_swap_struct_members.c:24:12: error: storing a pointer to floating data in the struct member 'unew' is not supported
// Buffers swapped through the members of a struct PARAMETER (issue 15): the caller's struct and
// its shadow would be re-pointed, and the backward sweep would have to restore both. Swapping
// through a local struct works (e2e struct_member_swap, realworld heat_grid), and so does
// swapping local heap pointers (e2e heap_swap_buffers); this is refused.
#include <adc.h>

struct grid {
    int n;
    double *u, *unew;
};

ADC_DIFF(wrt(g), len(g: 1, g.u: g->n, g.unew: g->n), modes(tangent))
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
