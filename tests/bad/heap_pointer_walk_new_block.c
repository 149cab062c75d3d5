// ARGS:
// EXIT: 1
// ERROR: heap_pointer_walk_new_block.c:18:23: error: in reverse mode, pointer 'p' moving through the heap block of 'h' is supported only when 'h' is assigned once, outside loops, and never swapped or copied (here it is assigned again or in a loop): the backward sweep finds 'p''s derivative from the block 'h' holds; index 'h' (h[i]) instead
// A pointer walking a heap block in reverse mode is taped as an offset from the heap pointer
// (e2e heap_pointer_walks), which must then hold the block the walker is in wherever the
// walker is used. adc does not follow which block a pointer was set from when the heap pointer
// gets a new block on each trip (here it is the current one, set again after the malloc):
// refused, as any walk of a block allocated in a loop, again or reallocated.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x, int steps)
{
    double s = 0.0;
    for (int k = 0; k < steps; k++) {
        double *h = malloc(2 * sizeof(double));
        const double *p = h;
        h[0] = x * k;
        h[1] = x * x;
        s += *p * x;
        p++;
        s += *p;
        free(h);
    }
    return s;
}
