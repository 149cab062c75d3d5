// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_memory.c:14:9: error: 'realloc' is not supported in reverse mode (the backward sweep needs the block it grew); allocate a new block and copy
// Heap memory is differentiated in every mode, but realloc only in tangent modes: in reverse
// mode the old block may be gone when the backward sweep needs its values and shadow.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x)
{
    double *p = malloc(sizeof(double));
    p[0] = x * x;
    p = realloc(p, 2 * sizeof(double));
    p[1] = 2.0 * p[0];
    double r = p[0] * p[1];
    free(p);
    return r;
}
