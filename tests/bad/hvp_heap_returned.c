// ARGS:
// EXIT: 1
// ERROR: hvp_heap_returned.c:21:26: error: modes hvp and hessian do not support a function returning a heap block ('squares', in 'f' or a function it calls); allocate the block in the caller and pass it, or ask for first order only (tangent, adjoint, grad)
// Second order reads adc's adjoint code back: a helper returning a heap block hands its
// adjoint block back through a double ** in that code, which is not differentiated again.
// (Heap memory allocated and freed inside f and its callees is: tests/e2e/cases/hvp_heap.c.)
#include <stdlib.h>
#include <adc.h>

static double *squares(int n, const double *x)
{
    double *p = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        p[i] = x[i] * x[i];
    return p;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp))
double f(int n, const double *x)
{
    double s = 0.0, *p = squares(n, x);
    for (int i = 0; i < n; i++)
        s += p[i] * x[i];
    free(p);
    return s;
}
