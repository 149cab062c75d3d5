// ARGS:
// EXIT: 1
// ERROR: goto_loop_break.c:16:13: error: a break inside a loop written with goto (back to label 'again') is not supported by adc; write the goto loop as a loop
// PREEXISTING: keep
// adc turns a loop written with a backward goto into a loop; a break inside it, of the for
// loop around it, would then leave the wrong loop: refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    for (int i = 0; i < 3; i++) {
    again:
        x = x * 0.5;
        if (x < 0.1)
            break;
        if (x > 1.0)
            goto again;
    }
    return x;
}
