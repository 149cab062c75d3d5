// ARGS:
// EXIT: 1
// ERROR: vla_sizeof.c:12:25: error: sizeof of a variable-length array other than one named alone (`sizeof a`, `sizeof a[0]`) is not supported by adc
// sizeof of a variable-length array is evaluated at run time: adc takes `sizeof a` of a
// variable-length array a and `sizeof a[0]` of its row, not other spellings (`sizeof *t` of
// `double t[n][m]`).
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, int m, const double *x) {
    double t[n][m];
    long bytes = (long)(sizeof *t);
    for (int i = 0; i < n; i++)
        t[i][0] = x[i] * x[i];
    return t[0][0] * (double)bytes;
}
