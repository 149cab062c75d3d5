// ARGS:
// EXIT: 1
// ERROR: omp_reduction_max_active.c:13:26: error: reduction(max: m) on a value with derivatives is not supported by adc
// The largest of active values: its derivative is that of the trip giving the maximum, which a
// reduction of tangents cannot pick (a max of values without derivatives is accepted).
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double m = -1e300;
#pragma omp parallel for reduction(max : m)
    for (int i = 0; i < n; i++)
        m = fmax(m, x[i] * x[i]);
    return m;
}
