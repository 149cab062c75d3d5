// ARGS:
// EXIT: 1
// ERROR: omp_for_orphaned.c:13:9: error: '#pragma omp for' is supported by adc only directly inside the block of a '#pragma omp parallel' region
// An `omp for` in a plain block (its region, if any, is in a caller): adc cannot see its threads.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
    {
        s = 1.0;
#pragma omp for reduction(+ : s)
        for (int i = 0; i < n; i++)
            s += x[i];
    }
    return s;
}
