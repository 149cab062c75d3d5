// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_union\.c:[0-9]+:[0-9]+: error: unions with floating members are not supported
// A union with floating members is refused (its bytes can alias an integer).
#include <adc.h>

union pun { double d; long long bits; };

ADC_DIFF(wrt(x))
double f(double x)
{
    union pun u;
    u.d = x;
    return u.d * x;
}
