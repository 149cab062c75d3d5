// ARGS:
// EXIT: 1
// ERROR: omp_atomic_capture.c:14:9: error: '#pragma omp atomic capture' is supported by adc only as 'omp atomic' (or 'omp atomic update')
// An atomic capture: the value each trip sees depends on the order the threads came in.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0, t = 0.0;
#pragma omp parallel for reduction(+ : t)
    for (int i = 0; i < n; i++) {
        double v;
#pragma omp atomic capture
        v = s += x[i];
        t += v * v;
    }
    return s + t;
}
