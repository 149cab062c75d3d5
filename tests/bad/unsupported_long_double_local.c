// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_long_double_local\.c:[0-9]+:[0-9]+: error: long double is not supported
// A long double local in an active function is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    long double t = x;
    return (double)(t * t);
}
