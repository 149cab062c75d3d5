// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_freed_by_helper.c:20:5: error: 'release' frees the block 'x' points into, which this function did not allocate, is not supported
// A helper may free a heap block it is given whole (NR's free_dvector): its derivative frees
// the shadow too (tangent) or leaves both to the backward sweep of the allocation (reverse).
// Given the caller's own array (a parameter of the function differentiated), whose shadow
// belongs to the caller of f_tangent / f_adjoint: refused.
#include <stdlib.h>
#include <adc.h>

static void release(double *block)
{
    free(block);
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double f(int n, double *x)
{
    double s = x[0] * x[n - 1];
    release(x);
    return s;
}
