// ARGS:
// EXIT: 1
// ERROR: unsupported_opaque_pointer_arg.c:16:5: error: cannot differentiate through 'copy_out'
// A function declared here but defined elsewhere, given pointers to active memory, is refused
// (issue 13, reproducer 4): it was taken for inactive and the derivative came out 0.
#include <adc.h>

void copy_out(double *dst, const double *src);

ADC_DIFF(wrt(x))
double f(double x)
{
    double a[2], b[2];
    a[0] = x * x;
    a[1] = 3.0 * x;
    copy_out(b, a);
    return b[0] + b[1];
}
