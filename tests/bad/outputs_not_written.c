// ARGS: --header %d/out.h -MD -MF %d/out.d
// EXIT: 1
// ERROR: outputs_not_written.c:11:1: error: a goto backward to label 'again' (a loop written with goto) is not supported
// PREEXISTING: keep
// A failed run with --header and -MD -MF writes none of the output, header or dependency file.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
again:
    x = x * x;
    goto again;
}
