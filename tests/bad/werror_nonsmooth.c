// ARGS: -Wnonsmooth -Werror
// EXIT: 1
// ERROR-RE: werror_nonsmooth\.c:11:12: error: 'fabs' is not differentiable everywhere
// -Wnonsmooth warns where an active value goes through fabs; -Werror makes it an error.
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    return fabs(x) * x;
}
