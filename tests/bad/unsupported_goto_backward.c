// ARGS:
// EXIT: 1
// ERROR: unsupported_goto_backward.c:11:1: error: a goto backward to label 'again' (a loop written with goto) is not supported by adc; write it as a loop
// PREEXISTING: keep
// A loop written with a backward goto is refused; forward gotos are lowered.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
again:
    x = x * 0.5;
    if (x > 1.0)
        goto again;
    return x;
}
