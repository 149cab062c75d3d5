// ARGS:
// EXIT: 1
// ERROR: omp_critical.c:13:9: error: the OpenMP directive '#pragma omp critical' is not supported by adc in a function it differentiates
// A critical section inside a parallel loop: its order of updates is not one adc reverses exactly.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
#pragma omp critical
        s += x[i] * x[i];
    }
    return s;
}
