// ARGS:
// EXIT: 1
// ERROR: pointer_if_else.c:15:9: error: pointer 't' pointing into 'b' here but into 'a' at line 13 is not supported
// A pointer set to one of two local arrays by if/else is refused like the same choice by ?: (pointer_cond.c).
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double a[2] = {x, y}, b[2] = {y, x};
    double *t;
    if (x > y)
        t = a;
    else
        t = b;
    t[0] *= y;
    return a[0] * b[0] + a[1] * b[1];
}
