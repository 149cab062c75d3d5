// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_result_adjoint.c:11:9: error: the adjoint of 'step', which returns heap memory, is not supported
// A function returning a new heap array has tangents (the block's tangent comes back through
// step_d) and its adjoint serves callers that return a floating value; asked for itself in
// reverse mode it has no seed convention: refused.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double *step(int n, const double *x)
{
    double *y = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        y[i] = x[i] * x[i];
    return y;
}
