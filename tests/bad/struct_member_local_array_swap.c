// ARGS:
// EXIT: 1
// ERROR: struct_member_local_array_swap.c:22:20: error: swapping 'g.u' between arrays other than heap blocks is not supported
// ERROR: struct_member_local_array_swap.c:22:23: error: swapping 'g.unew' between arrays other than heap blocks is not supported
// Members of a local struct pointing to local arrays are followed (e2e
// struct_local_array_members), but not swapped between them: only heap blocks move with
// their shadows.
#include <adc.h>

typedef struct { int n; double *u, *unew; } grid_t;

static void step(grid_t *g, double k)
{
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = g->u[i] + k * (g->u[i - 1] - 2.0 * g->u[i] + g->u[i + 1]);
}

ADC_DIFF(wrt(k), modes(tangent, grad))
double f(double k)
{
    double a[8] = {0, 1, 2, 3, 4, 3, 2, 1}, b[8] = {0};
    grid_t g = {8, a, b};
    for (int s = 0; s < 4; s++) {
        step(&g, k);
        double *t = g.u;
        g.u = g.unew;
        g.unew = t;
    }
    return g.u[4];
}
