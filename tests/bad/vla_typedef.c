// ARGS:
// EXIT: 1
// ERROR: vla_typedef.c:11:9: error: a variable-length array type named by a typedef is not supported; write the array's dimensions in the declaration
// A variable-length array type from a block-scope typedef: adc reads a length where it is written.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    typedef double row[n];
    double s = 0.0;
    row r;
    for (int i = 0; i < n; i++)
        r[i] = x[i] * x[i];
    for (int i = 0; i < n; i++)
        s += r[i];
    return s;
}
