// ARGS:
// EXIT: 1
// ERROR: omp_collapse_imperfect.c:11:9: error: collapse needs as many loops `for (i = a; i < b; i += c)` as it joins
// collapse(2) over loops that are not perfectly nested: a statement between the two fors.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for collapse(2) reduction(+ : s)
    for (int i = 0; i < n; i++) {
        s += x[i];
        for (int j = 0; j < n; j++)
            s += x[i] * x[j];
    }
    return s;
}
