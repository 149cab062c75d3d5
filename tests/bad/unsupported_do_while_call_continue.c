// ARGS:
// EXIT: 1
// ERROR: unsupported_do_while_call_continue.c:20:5: error: a call or a side effect in the condition of a do-while loop whose body uses continue is not supported by adc
// The call in a do-while condition runs as a statement at the bottom of the body; a continue
// in the body would skip it, so that form is refused.
#include <adc.h>

static int shrink(double *u)
{
    u[0] = 0.5 * u[0];
    return u[0] > 1.0;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    double u[1];
    u[0] = x;
    int k = 0;
    do {
        k++;
        if (k == 2)
            continue;
        u[0] = u[0] + 1.0;
    } while (shrink(u));
    return u[0];
}
