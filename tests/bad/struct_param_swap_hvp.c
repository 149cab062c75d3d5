// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_hvp.c:30:18: error: in reverse mode, re-pointing the members of 'g', a parameter of the function differentiated (in a function it gives them to), is not supported
// ERROR: struct_param_swap_hvp.c:24:12: error: in reverse mode, re-pointing 'g->u' inside a loop or an 'if', or to what the check cannot follow, is not supported
// Buffers swapped through the members of a struct parameter work in hvp and hessian as in
// first-order reverse mode (e2e struct_param_swap: hvp is the tangent of that adjoint), and are
// refused there as in it: the struct parameter of the function differentiated (its caller's
// Hessian-vector product pairs each direction with the buffer the member held on entry), and
// a swap inside an 'if'.
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    double *u, *unew;
} grid;

static void step(grid *g, int swap)
{
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = 0.5 * (g->u[i - 1] + g->u[i + 1]) * g->u[i];
    if (swap) {
        double *t = g->u;
        g->u = g->unew;
        g->unew = t;
    }
}

ADC_DIFF(wrt(g), len(g: 1, g.u: g->n, g.unew: g->n), modes(hvp))
double run(grid *g, int steps)
{
    for (int k = 0; k < steps; k++)
        step(g, k % 2);
    return g->u[g->n / 2];
}

ADC_DIFF(wrt(x), len(x: n), modes(hessian), vector(2))
double run_local(int n, const double *x, int steps)
{
    double *a = calloc(n, sizeof(double)), *b = calloc(n, sizeof(double));
    grid g = {n, a, b};
    for (int i = 0; i < n; i++)
        a[i] = x[i];
    for (int k = 0; k < steps; k++)
        step(&g, k % 2);
    double e = g.u[n / 2];
    free(a);
    free(b);
    return e;
}
