// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_freed_by_helper.c:24:5: error: 'release' frees the heap block of 'c' it is given, is not supported
// The reverse sweeps free each block where its allocation is reversed; a helper that frees a
// block it is given would free it a second time (and the backward sweep read freed memory),
// even when the block holds only inactive coefficients: refused.
#include <stdlib.h>
#include <adc.h>

static void release(double *block)
{
    free(block);
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double f(int n, const double *x)
{
    double s = 0.0;
    double *c = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        c[i] = 1.0 + i;
    for (int i = 0; i < n; i++)
        s += c[i] * x[i] * x[i];
    release(c);
    return s;
}
