// ARGS:
// EXIT: 1
// ERROR: struct_member_swap_param_array.c:21:5: error: swapping 'g.u' between arrays other than heap blocks is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&g' is only passed to functions
// ERROR: struct_member_swap_param_array.c:30:9: error: swapping 'g.unew' between arrays other than heap blocks is not supported
// Buffers swapped through a local struct (issue 15) where one buffer is the caller's array:
// a swap moves the shadows of heap blocks only (a parameter's shadow is the caller's, not a
// block adc tapes and frees). Both buffers on the heap work (e2e struct_member_swap).
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    double *u, *unew;
} grid_t;

ADC_DIFF(wrt(x), len(x: n))
double relax(double *x, int n, int steps)
{
    grid_t g;
    g.n = n;
    g.u = x;
    g.unew = malloc(n * sizeof(double));
    for (int s = 0; s < steps; s++) {
        for (int i = 1; i < n - 1; i++)
            g.unew[i] = 0.5 * (g.u[i - 1] + g.u[i + 1]) * g.u[i];
        g.unew[0] = g.u[0];
        g.unew[n - 1] = g.u[n - 1];
        double *t = g.u;
        g.u = g.unew;
        g.unew = t;
    }
    return g.u[1]; /* the block is not freed: it may be x by now */
}
