// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_result_inactive_call.c:21:17: error: 'zeros' returns a heap block that carries derivatives here but is given no active value, which is not supported
// A helper given no active value runs as its plain copy, which returns its block without a
// shadow; the caller then writes active values into it: refused (the shadow would be missing).
#include <stdlib.h>
#include <adc.h>

static double *zeros(int n)
{
    double *z = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        z[i] = 0.0;
    return z;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint))
double f(int n, const double *x)
{
    double s = 0.0;
    double *p = zeros(n);
    for (int i = 0; i < n; i++)
        p[i] = x[i] * x[i];
    for (int i = 0; i < n; i++)
        s += p[i];
    free(p);
    return s;
}
