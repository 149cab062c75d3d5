// ARGS:
// EXIT: 1
// ERROR: pointer_cond.c:11:17: error: a pointer chosen by '?:' (assigned to 't') is not supported
// A pointer chosen by ?: between two local arrays, then written through, is refused (its derivative would have to follow the choice).
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double a[2] = {x, y}, b[2] = {y, x};
    double *t = x > y ? a : b;
    t[0] *= y;
    return a[0] * b[0] + a[1] * b[1];
}
