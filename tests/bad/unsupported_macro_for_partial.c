// ARGS:
// EXIT: 1
// ERROR: unsupported_macro_for_partial.c:14:5: error: a for header from a macro that leaves out its init, condition or step is not supported by adc
// A for statement from a macro whose header leaves a part out: libclang places every part at
// the macro's name, so which part is which cannot be told (once the condition became the init).
#include <adc.h>

#define WHILE_NONZERO(k) for (; k;)

ADC_DIFF(wrt(x))
double f(double x, int k)
{
    double s = x;
    WHILE_NONZERO(k) {
        s = s * x;
        k--;
    }
    return s;
}
