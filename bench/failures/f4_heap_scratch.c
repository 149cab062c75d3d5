/* adc failure 4: scratch arrays on the heap (as in ADBench's C GMM) are refused, and the
 * diagnostic is printed 3 times: "error: cannot differentiate through 'free': it is not a
 * supported math function and its definition is not in this file". Without the free(): "error:
 * in reverse mode an active pointer must always point into the same parameter or local array",
 * printed 4 times. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double *t = malloc(sizeof(double) * (size_t)n);
    for (int i = 0; i < n; i++)
        t[i] = exp(x[i]);
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += t[i] * x[i];
    free(t);
    return s;
}
