// ARGS:
// EXIT: 1
// ERROR: hvp_heap_rows.c:12:18: error: modes hvp and hessian do not support a heap row-pointer matrix ('a', in 'f' or a function it calls); allocate its elements as one block, or ask for first order only (tangent, adjoint, grad)
// Second order reads adc's adjoint code back: the rows of a heap row-pointer matrix and of its
// adjoint are allocated by loops over a double ** there, which are not differentiated again.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp))
double f(int n, const double *x)
{
    double **a = malloc((size_t)n * sizeof *a);
    for (int i = 0; i < n; i++)
        a[i] = malloc(2 * sizeof(double));
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        a[i][0] = x[i] * x[i];
        a[i][1] = a[i][0] * x[i];
        s += a[i][1];
    }
    for (int i = 0; i < n; i++)
        free(a[i]);
    free(a);
    return s;
}
