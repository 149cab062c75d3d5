// ARGS:
// EXIT: 1
// ERROR: unsupported_pointer_result.c:11:12: error: function 'make' returning a pointer to floating data that is not a heap block it allocated is not supported
// A helper returning a pointer to active memory is refused: its tangent returned no tangent
// for the pointer, and the caller read an uninitialised one.
#include <adc.h>

static double *make(double *buf, double x)
{
    buf[0] = x * x;
    return buf;
}

ADC_DIFF(wrt(x), modes(tangent))
double f(double x)
{
    double buf[1];
    double *q = make(buf, x);
    return q[0] * x;
}
