// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_offset_reverse.c:15:13: error: in reverse mode an active pointer must always point into the same parameter or local array
// A pointer into a heap block (q = p + 1) moves its shadow along in tangent mode; in reverse
// mode it would be taped as an offset from a block that may change: refused.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x)
{
    double *p = malloc(2 * sizeof(double));
    p[0] = x;
    p[1] = x * x;
    double *q = p + 1;
    double r = q[0] * p[0];
    free(p);
    return r;
}
