// EXIT: 1
// ERROR-RE: unsupported_global_shadow_name_taken\.c:[0-9]+:[0-9]+: error: global variable 'acc' carries derivatives, but its shadow global 'acc_d' would take a name the program uses
// The shadow globals are the user's interface (acc_d, acc_dv, acc_b): a program name in the way is refused.
#include <adc.h>

double acc;
double acc_d; /* the name adc would give acc's tangent shadow */

ADC_DIFF(wrt(x))
double f(double x)
{
    acc = x * x;
    acc_d = 1.0;
    return acc + x;
}
