// EXIT: 1
// ERROR-RE: unsupported_active_global_pointer\.c:[0-9]+:[0-9]+: error: global variable 'current' would carry derivatives in 'f', and adc gives shadow globals only
// A global pointer to a buffer that receives active values: no shadow global for it.
#include <adc.h>

double buffer[8];
double *current = buffer;

ADC_DIFF(wrt(x))
double f(double x)
{
    current[0] = x * x;
    return current[0] + x;
}
