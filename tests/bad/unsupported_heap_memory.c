// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_memory.c:12:17: error: heap memory from 'malloc' (assigned to 'p') is not supported
// Heap memory holding active values is refused in every mode (issue 13, reproducer 12): the
// tangent would read a shadow nobody allocated.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent))
double f(double x)
{
    double *p = malloc(2 * sizeof(double));
    p[0] = x * x;
    p[1] = 2.0 * x;
    double r = p[0] * p[1];
    free(p);
    return r;
}
