// ARGS:
// EXIT: 1
// ERROR: static_local_array_written.c:16:19: error: a static local array or struct the function writes keeps its value from one call to the next, which adc does not follow; declare it without static
// ERROR: static_local_array_written.c:24:19: error: a static local array or struct the function writes
// ERROR: static_local_array_written.c:33:19: error: a static local array or struct the function writes
// A static local array only read by element is a table of constants (Numerical Recipes'
// gammln: static double cof[6]); one written keeps its values across calls: refused, whether
// it is written by element, through a pointer made from it, or by a helper it is given to.
#include <adc.h>

static void bump(double *c) { c[0] += 1.0; }

ADC_DIFF(wrt(x))
double by_helper(double x)
{
    static double c[2] = {1.0, 2.0};
    bump(c);
    return c[0] * x;
}

ADC_DIFF(wrt(x))
double by_pointer(double x)
{
    static double c[2] = {1.0, 2.0};
    double *p = c;
    p[1] = x;
    return c[1] * x;
}

ADC_DIFF(wrt(x))
double by_element(double x)
{
    static double c[2] = {1.0, 2.0};
    c[1] *= 2.0;
    return c[1] * x;
}
