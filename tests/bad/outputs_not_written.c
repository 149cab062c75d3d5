// ARGS: --header %d/out.h -MD -MF %d/out.d
// EXIT: 1
// ERROR: outputs_not_written.c:14:5: error: a goto into the block of label 'inside' is not supported by adc
// PREEXISTING: keep
// A failed run with --header and -MD -MF writes none of the output, header or dependency file.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    if (x > 1.0)
        goto inside;
    if (x < 0.0) {
    inside:
        x = x * x;
    }
    return x;
}
