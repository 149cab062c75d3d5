// ARGS:
// EXIT: 1
// ERROR: omp_pragma_if0.c:14:9: error: the OpenMP directive '#pragma omp parallel for' is not supported by adc
// A parallel pragma switched off with #if 0 (the loop races: s is shared): adc looks through
// the `#endif` of an `#ifdef _OPENMP` only (e2e omp_ifdef_guard), so it neither reads this
// pragma as the loop's nor drops it silently.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0;
#if 0
#pragma omp parallel for
#endif
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}
