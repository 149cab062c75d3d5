// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_vla\.c:[0-9]+:[0-9]+: error: variable-length arrays are not supported
// A variable-length array is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, double x)
{
    double t[n];
    for (int i = 0; i < n; i++)
        t[i] = x * i;
    return t[n - 1];
}
