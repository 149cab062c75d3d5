// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_hvp.c:13:17: error: modes hvp and hessian do not support heap memory yet (in 'f' or a function it calls); ask for first order only (tangent, adjoint, grad)
// Second order reads adc's adjoint code back; its deferred frees and taped block pointers are
// not differentiated again yet: refused, at the allocation.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp))
double f(int n, const double *x)
{
    double s = 0.0;
    double *p = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        p[i] = x[i] * x[i];
    for (int i = 0; i < n; i++)
        s += p[i] * x[i];
    free(p);
    return s;
}
