// ARGS:
// EXIT: 1
// ERROR-RE: unsupported_function_pointer\.c:[0-9]+:[0-9]+: error: .*function pointer
// A call through a function pointer is refused.
#include <adc.h>

static double sq(double x) { return x * x; }

ADC_DIFF(wrt(x))
double f(double x)
{
    double (*g)(double) = sq;
    return g(x);
}
