// ARGS:
// EXIT: 1
// ERROR: omp_lastprivate.c:11:26: error: the OpenMP clause 'lastprivate' is not supported by adc
// lastprivate: the value after the loop comes from the last trip, a flow adc does not differentiate.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0, last = 0.0;
#pragma omp parallel for lastprivate(last) reduction(+ : s)
    for (int i = 0; i < n; i++) {
        last = x[i];
        s += last * x[i];
    }
    return s + last;
}
