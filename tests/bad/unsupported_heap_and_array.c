// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_and_array.c:12:21: error: heap pointer 'p' also pointing into 'buf' is not supported
// A pointer holding heap blocks is its own root (its shadow is a block of its own); one that
// also points into an array would need both: refused.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent))
double f(double x, int big)
{
    double buf[2], *p = buf;
    if (big)
        p = malloc(2 * sizeof(double));
    p[0] = x * x;
    double r = p[0] * x;
    if (big)
        free(p);
    return r;
}
