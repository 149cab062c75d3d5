// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_function_pointer_param\.c:[0-9]+:[0-9]+: error: .*function pointer
// A call through a function pointer passed as a parameter is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double (*g)(double), double x)
{
    return g(x) * x;
}
