// ARGS:
// EXIT: 1
// ERROR: unsupported_goto_over_declaration.c:13:12: error: a goto to label 'out' jumps over the declaration of 't', which is used after the label; declare 't' before the goto
// A forward goto over a declaration that is used after its label: the rewrite would end the
// declaration's scope early, so adc asks for the declaration to move.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    if (x > 1.0)
        goto out;
    double t = x * x;
    x = t;
out:
    t = 2.0;
    return x * t;
}
