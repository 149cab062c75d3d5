// ARGS:
// EXIT: 1
// ERROR: long_double_macro_constant.c:13:16: error: a long double constant inside a macro is not supported by adc
// libclang evaluates a constant from a macro as a double: a long double one would lose digits
// the source keeps, so adc refuses it rather than differentiate with another constant.
#include <adc.h>

#define THIRD (1.0L / 3.0L)

ADC_DIFF(wrt(x))
long double third(long double x)
{
    return x * THIRD;
}
