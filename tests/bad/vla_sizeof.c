// ARGS:
// EXIT: 1
// ERROR: vla_sizeof.c:10:25: error: sizeof of a variable-length array is not supported by adc
// sizeof of a variable-length array is evaluated at run time; adc refuses it (write the count).
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    double t[n];
    long bytes = (long)(sizeof t);
    for (int i = 0; i < n; i++)
        t[i] = x[i] * x[i];
    return t[0] * (double)bytes;
}
