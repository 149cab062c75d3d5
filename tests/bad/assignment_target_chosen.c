// ARGS:
// EXIT: 1
// ERROR: assignment_target_chosen.c:14:5: error: adc cannot tell which variable this memory is in (the pointer is chosen by ?:); choose the value instead (c ? u : v, c ? a[i] : b[i]), or write an if/else
// ERROR: assignment_target_chosen.c:22:5: error: adc cannot tell which variable this memory is in
// An update through a pointer chosen by ?: (`*(c ? &u : &v) += e`, `(c ? a : b)[1] *= e`):
// adc follows a target by its variable, and found none here, so every mode left the update's
// derivative out (the tangent and adjoint of u * v missed x * y). Refused.
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double u = x, v = y;
    *(x > 0.5 ? &u : &v) += x * y;
    return u * v;
}

ADC_DIFF(wrt(x, y))
double g(double x, double y)
{
    double a[2] = {x, y}, b[2] = {y, x};
    (y > 0.5 ? a : b)[1] *= x;
    return a[1] * b[1];
}
