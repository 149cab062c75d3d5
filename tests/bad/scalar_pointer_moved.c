// ARGS:
// EXIT: 1
// ERROR: scalar_pointer_moved.c:13:10: error: indexing 'p' with another index than 0 is not supported: adc follows a pointer to a scalar ('p' to 's') only where it is dereferenced or passed to a function, and always to the same scalar; use the scalar itself
// ERROR: scalar_pointer_moved.c:14:9: error: using the value of 'p' (pointer arithmetic, a comparison, a return) is not supported
// Indexing a pointer to a scalar past it, or comparing it, is refused (issue 15).
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    double s = x * x;
    double *p = &s;
    s += p[1];
    if (p != 0)
        s *= x;
    return s;
}
