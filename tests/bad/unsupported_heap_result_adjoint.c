// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_result_adjoint.c:12:9: error: the adjoint of 'step', which returns a heap block, needs the block's length for its seed: add len(return: ...) (--len return=...)
// A function returning a new heap array has an adjoint whose seed is an array of the block's
// elements (step_b); without len(return: ...) adc cannot tell how many to read (nor copy the
// block it returns): refused, naming the clause to add (tests/e2e/cases/heap_returned_block.c
// has it).
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
