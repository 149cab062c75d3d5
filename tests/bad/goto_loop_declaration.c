// ARGS:
// EXIT: 1
// ERROR: goto_loop_declaration.c:13:12: error: 'y' is declared inside a loop written with goto (back to label 'again') and used after it; declare 'y' before the label
// A declaration between a label and the goto back to it, used after the goto: the loop adc
// makes of them would end its scope. Refused, with the rewrite to make.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
again:
    x = x * 0.5;
    double y = x * x;
    if (y > 1.0)
        goto again;
    return y;
}
