// ARGS:
// EXIT: 1
// ERROR: omp_collapse_nonrectangular.c:11:9: error: collapse needs as many loops `for (i = a; i < b; i += c)` as it joins
// A triangular nest under collapse(2): the inner bound uses the outer index.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for collapse(2) reduction(+ : s)
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            s += x[i] * x[j];
    return s;
}
