// ARGS:
// EXIT: 1
// ERROR: pointer_returned.c:16:9: error: a pointer returned by a function assigned to 'x', which is not a local variable is not supported
// A helper that returns its pointer argument (x = g(x)) is refused.
#include <adc.h>

static double *g(double *x)
{
    x[0] *= 2.0;
    return x;
}

ADC_DIFF(wrt(x), len(x: 2))
double f(double *x)
{
    x = g(x);
    return x[0] * x[1];
}
