// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_static_local\.c:[0-9]+:[0-9]+: error: a non-const static local variable .*is not supported
// A non-const static local is refused: its value persists across calls.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    static double last = 0.0;
    double y = x * last;
    last = x;
    return y;
}
