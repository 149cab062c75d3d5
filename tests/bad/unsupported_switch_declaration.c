// ARGS:
// EXIT: 1
// ERROR: unsupported_switch_declaration.c:13:9: error: a declaration directly under a case label (put the case's statements in { }) is not supported
// A declaration directly under a case label is in scope in the later cases; adc asks for braces.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, int k)
{
    switch (k) {
    case 0:
        x = x * x;
        double t = x;
        return t;
    default:
        return x;
    }
}
