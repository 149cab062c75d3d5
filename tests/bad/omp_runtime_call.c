// ARGS:
// EXIT: 1
// ERROR: omp_runtime_call.c:14:21: error: a call to the OpenMP runtime ('omp_get_thread_num') is not supported by adc
// The thread number steers the values: the derivative would depend on the schedule.
#include <adc.h>
int omp_get_thread_num(void); /* as omp.h declares it */

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (int i = 0; i < n; i++)
        s += x[i] * omp_get_thread_num();
    return s;
}
