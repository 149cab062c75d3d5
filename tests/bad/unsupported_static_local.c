// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_static_local\.c:[0-9]+:[0-9]+: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow \(a call may read the value an earlier call left\)
// A static local read before the call assigns it carries a value from the previous call:
// refused (static_local_kept_value.c has the other ways).
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    static double last = 0.0;
    double y = x * last;
    last = x;
    return y;
}
