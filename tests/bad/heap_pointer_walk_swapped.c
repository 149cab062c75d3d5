// ARGS:
// EXIT: 1
// ERROR: heap_pointer_walk_swapped.c:22:23: error: in reverse mode, pointer 'p' moving through the heap block of 'u' is supported only when 'u' is assigned once, outside loops, and never swapped or copied (here it is swapped or copied): the backward sweep finds 'p''s derivative from the block 'u' holds; index 'u' (u[i]) instead
// A pointer walking a heap block in reverse mode is taped as an offset from the heap pointer
// and its adjoint found from that pointer's shadow (e2e heap_pointer_walks). Here u is swapped
// with v on each step, so which block p walks depends on where u was when p was set: refused.
// (Before issue 15 every walk of a heap block was refused; difftest seed 6997 was one taped
// without moving its shadow, every trip's adjoint landing on the block's first element.)
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, int steps)
{
    double *u = malloc(3 * sizeof(double)), *v = malloc(3 * sizeof(double));
    for (int i = 0; i < 3; i++)
        u[i] = x * (i + 1);
    double s = 0.0;
    for (int k = 0; k < steps; k++) {
        for (int i = 0; i < 3; i++)
            v[i] = u[i] * u[(i + 1) % 3];
        const double *p = u;
        while (p < u + 3)
            s += *p++;
        double *t = u; u = v; v = t;
    }
    free(u);
    free(v);
    return s;
}
