// ARGS:
// EXIT: 1
// ERROR: unsupported_switch.c:10:5: error: a switch statement (use if/else) is not supported
// switch is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, int k)
{
    switch (k) {
    case 0: return x;
    default: return x * x;
    }
}
