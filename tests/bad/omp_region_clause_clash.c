// ARGS:
// EXIT: 1
// ERROR: omp_region_clause_clash.c:14:17: error: 's' is private in its parallel region and reduction in this loop
// A sum reduced into each thread's private copy of the region (then thrown away): as a parallel
// loop of its own the loop would reduce into the shared s instead.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0, t = 0.0;
#pragma omp parallel private(s)
    {
#pragma omp for reduction(+ : s, t)
        for (int i = 0; i < n; i++) {
            s += x[i];
            t += x[i] * x[i];
        }
    }
    return t;
}
