// ARGS:
// EXIT: 1
// ERROR: pointer_addr_scalar.c:10:17: error: taking the address of a variable that is not an array (assigned to 'p') is not supported
// A local pointer to a scalar parameter (double *p = &x) is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    double *p = &x;
    *p = *p * 3.0;
    return x * x;
}
