// ARGS:
// EXIT: 1
// ERROR: scalar_pointer_repointed.c:13:5: error: assigning 'p' another pointer than '&x' is not supported: adc follows a pointer to a scalar ('p' to 'x') only where it is dereferenced or passed to a function, and always to the same scalar; use the scalar itself
// A pointer to a scalar that is later pointed at another scalar is refused (issue 15): adc
// replaces a pointer to a scalar by the scalar, which needs it to point to one scalar only.
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double *p = &x;
    *p = *p * y;
    p = &y;
    *p = *p * x;
    return x * y;
}
