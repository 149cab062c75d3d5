// ARGS: -Werror
// EXIT: 1
// ERROR-RE: werror_integer_cast\.c:10:13: error: converting an active value to an integer: the derivative through it is zero
// An active value converted to an integer cuts its derivative: a warning, an error with -Werror.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    int k = (int)x;
    return x * k;
}
