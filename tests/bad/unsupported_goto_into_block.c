// ARGS:
// EXIT: 1
// ERROR: unsupported_goto_into_block.c:14:5: error: a goto into the block of label 'inside' is not supported by adc; adc takes gotos forward to a label of a block around them
// A goto into a block (past the start of an if's branch) is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    if (x > 1.0)
        goto inside;
    if (x < 0.0) {
        x = -x;
    inside:
        x = x * x;
    }
    return x;
}
