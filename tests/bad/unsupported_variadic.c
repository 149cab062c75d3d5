// ARGS:
// EXIT: 1
// ERROR: unsupported_variadic.c:9:8: error: variadic function 'f' cannot be differentiated
// A variadic active function is refused.
#include <stdarg.h>
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double y = x * va_arg(ap, double);
    va_end(ap);
    return y;
}
