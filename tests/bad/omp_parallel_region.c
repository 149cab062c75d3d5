// ARGS:
// EXIT: 1
// ERROR: omp_parallel_region.c:12:9: error: a '#pragma omp parallel' region is supported by adc only when its block holds nothing but for loops, each under '#pragma omp for'
// A parallel region with a statement of its own (each thread runs it): only regions of
// `omp for` loops are read, as parallel loops.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel reduction(+ : s)
    {
        s += x[0];
#pragma omp for
        for (int i = 0; i < n; i++)
            s += x[i];
    }
    return s;
}
