// ARGS:
// EXIT: 1
// ERROR: heap_swap_moved_temp.c:13:46: error: heap pointer 'v' given a pointer into the blocks of 'u' other than a whole block is not supported: adc cannot tell which array its derivative points into; give it only allocations and heap pointers; a swap's third pointer only heap pointers
// Buffers swapped through a third pointer work when that pointer is given only heap pointers
// (e2e heap_swap_buffers); one also moved with `t = t + 1` points into a block, not at one, and
// v would then take a block's interior: refused.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, int steps)
{
    double *u = malloc(4 * sizeof(double)), *v = malloc(4 * sizeof(double));
    for (int i = 0; i < 4; i++)
        u[i] = x * i;
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < 4; i++)
            v[i] = u[i] * u[i];
        double *t = u;
        t = t + 1;
        u = v;
        v = t - 1;
    }
    double r = u[1];
    free(u);
    free(v);
    return r;
}
