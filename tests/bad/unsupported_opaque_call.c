// ARGS:
// EXIT: 1
// ERROR: unsupported_opaque_call.c:12:12: error: cannot differentiate through 'mystery'
// A call with active arguments to a function whose body adc cannot see is refused.
#include <adc.h>

extern double mystery(double);

ADC_DIFF(wrt(x))
double f(double x)
{
    return mystery(x) * x;
}
