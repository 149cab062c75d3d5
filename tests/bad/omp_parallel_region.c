// ARGS:
// EXIT: 1
// ERROR: omp_parallel_region.c:13:9: error: the OpenMP directive '#pragma omp for reduction(+ : s)' is not supported by adc before a loop
// A parallel region around a loop (omp parallel, then omp for): only 'omp parallel for' on the loop is.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel
    {
#pragma omp for reduction(+ : s)
        for (int i = 0; i < n; i++)
            s += x[i];
    }
    return s;
}
