// ARGS:
// EXIT: 1
// ERROR: scalar_pointer_chosen.c:11:17: error: a pointer to one of several scalars chosen at run time (assigned to 'p') is not supported: adc cannot tell which derivative it reaches; write the update to each scalar in an if/else
// A pointer that may point to one of two scalars, chosen at run time, is refused (issue 15):
// which derivative it reaches is known only when it runs.
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double *p = x > y ? &x : &y;
    *p = *p * 3.0;
    return x * y;
}
