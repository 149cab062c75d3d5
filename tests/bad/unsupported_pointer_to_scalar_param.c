// ARGS:
// EXIT: 1
// ERROR: unsupported_pointer_to_scalar_param.c:11:13: error: in reverse mode an active pointer must always point into the same parameter or local array
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
