// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_long_double\.c:[0-9]+:[0-9]+: error: long double is not supported
// long double is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
long double f(long double x)
{
    return x * x;
}
