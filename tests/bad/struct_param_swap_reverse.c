// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_reverse.c:28:12: error: in reverse mode, re-pointing 'g->u' inside a loop or an 'if', or to what the check cannot follow, is not supported
// ERROR: struct_param_swap_reverse.c:35:8: error: in reverse mode, swapping the members of 'g' so that the block 'g->u' held on entry is held by none on return is not supported
// ERROR: struct_param_swap_reverse.c:40:13: error: in reverse mode, reading through 't', a pointer read from a member of 'g' that the function re-points, is not supported
// ERROR: struct_param_swap_reverse.c:48:13: error: in reverse mode, a pointer into the block of a member of 'g' that the function re-points is not supported
// Buffers swapped through the members of a struct parameter work in reverse mode when the
// stores permute the blocks the members held on entry, in straight-line code (e2e
// struct_param_swap): the backward sweep finds the shadow of each block it restores among the
// shadows the members held where it began. Refused: a swap inside an 'if' (or a loop), a store
// that drops a block (its shadow would be found nowhere), and reading through the swap's
// temporary or a pointer into a member's block (their shadows are taped as offsets from a member
// that moved).
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    double *u, *unew;
} grid;

static void step_if(grid *g, int swap)
{
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = 0.5 * (g->u[i - 1] + g->u[i + 1]) * g->u[i];
    if (swap) {
        double *t = g->u;
        g->u = g->unew;
        g->unew = t;
    }
}

static void step_drop(grid *g)
{
    g->u = g->unew;
}

static double step_read(grid *g)
{
    double *t = g->u;
    g->u = g->unew;
    g->unew = t;
    return t[0] * g->u[0];
}

static void step_into(grid *g)
{
    double *p = g->u + 1;
    p[0] = 2.0 * p[1];
    double *t = g->u;
    g->u = g->unew;
    g->unew = t;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad))
double run(int n, const double *x, int steps)
{
    double *a = calloc(n, sizeof(double)), *b = calloc(n, sizeof(double));
    grid g = {n, a, b};
    double s = 0.0;
    for (int i = 0; i < n; i++)
        a[i] = x[i];
    for (int k = 0; k < steps; k++) {
        step_if(&g, k % 2);
        step_drop(&g);
        s += step_read(&g);
        step_into(&g);
    }
    free(a);
    free(b);
    return s;
}
