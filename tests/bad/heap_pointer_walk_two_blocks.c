// ARGS:
// EXIT: 1
// ERROR: heap_pointer_walk_two_blocks.c:16:19: error: pointer 'p' switched between the heap blocks of 'u' and other arrays is not supported
// A pointer that walks one of two heap blocks chosen at run time: its shadow would have to
// follow the choice (a pointer switched between arrays carries a which, but not between heap
// blocks, which are their own roots): refused in every mode.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, int big)
{
    double *u = malloc(2 * sizeof(double)), *v = malloc(2 * sizeof(double));
    u[0] = x; u[1] = x * x;
    v[0] = 2 * x; v[1] = x * x * x;
    const double *p = big ? u : v;
    double s = 0.0;
    for (int i = 0; i < 2; i++)
        s += *p++ * x;
    free(u);
    free(v);
    return s;
}
