// ARGS:
// EXIT: 1
// ERROR: omp_region_firstprivate.c:11:22: error: 'firstprivate' on a parallel region is not supported by adc
// firstprivate on the region: each thread's copy of c would carry from one loop to the next.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0, c = x[0];
#pragma omp parallel firstprivate(c) reduction(+ : s)
    {
#pragma omp for
        for (int i = 0; i < n; i++) {
            c = c * 0.5 + x[i];
            s += c;
        }
    }
    return s;
}
