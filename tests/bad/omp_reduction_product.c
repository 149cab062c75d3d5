// ARGS:
// EXIT: 1
// ERROR: omp_reduction_product.c:11:26: error: only reduction(+: ...) is supported by adc
// A product reduction: its adjoint needs the other factors of every thread.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double p = 1.0;
#pragma omp parallel for reduction(* : p)
    for (int i = 0; i < n; i++)
        p *= x[i];
    return p;
}
