// ARGS:
// EXIT: 1
// ERROR: vla_sizeof.c:11:25: error: sizeof of a variable-length array other than one named alone (`sizeof a`) is not supported by adc
// sizeof of a variable-length array is evaluated at run time: adc takes `sizeof a` of a
// variable-length array a, not of a row of one (`sizeof t[0]` of `double t[n][m]`).
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, int m, const double *x) {
    double t[n][m];
    long bytes = (long)(sizeof t[0]);
    for (int i = 0; i < n; i++)
        t[i][0] = x[i] * x[i];
    return t[0][0] * (double)bytes;
}
