// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_active_global\.c:[0-9]+:[0-9]+: error: global variable 'acc' would carry derivatives in 'f'
// A global variable that would carry derivatives is refused.
#include <adc.h>

double acc;

ADC_DIFF(wrt(x))
double f(double x)
{
    acc = x * x;
    return acc + x;
}
