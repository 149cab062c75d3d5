// EXIT: 1
// ERROR-RE: include_c_file\.c:[0-9]+:[0-9]+: error: the generated file cannot include a \.c file \(it would define its functions again\); give '.*multifile/other\.c' to adc as an input file instead
// A wrapper that #includes another .c file: the generated file would define its functions again.
#include <adc.h>
#include "multifile/other.c"

ADC_DIFF(wrt(x))
double f(double x)
{
    return other_g(x) * x;
}
