// ARGS:
// EXIT: 1
// ERROR: unsupported_goto.c:12:9: error: goto and labels is not supported
// PREEXISTING: keep
// goto is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    if (x > 1.0)
        goto done;
    x = x * x;
done:
    return x;
}
