// ARGS:
// EXIT: 1
// ERROR: unsupported_pointer_to_scalar_param.c:11:17: error: taking the address of a variable that is not an array (assigned to 'p') is not supported
// In reverse mode a local pointer to a scalar parameter is refused (it once produced C that
// did not compile: the parameter was taken for an array).
#include <adc.h>

ADC_DIFF(wrt(i, j))
double f(double i, double j)
{
    double *p = &j;
    *p = *p * i;
    return i * j;
}
