// ARGS:
// EXIT: 1
// ERROR: active_pointer_not_wrt.c:8:28: error: parameter 'y' of 'f' carries derivatives but is not in wrt(...)
// A pointer parameter outside wrt(...) into which active values are written.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, double *y)
{
    *y = x * x;
    return *y + x; /* y is read back: it carries derivatives */
}
