// ARGS:
// EXIT: 1
// ERROR: unordered_call_arguments.c:14:20: error: 's' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// The arguments of a call are not ordered by a sequence point (a comma between arguments is
// no comma operator): which value of s the second argument reads is unspecified. Refused.
#include <adc.h>

static double mul(double a, double b) { return a * b; }

ADC_DIFF(wrt(x))
double f(double x)
{
    double s = x;
    double y = mul(s += 1.0, s);
    return y;
}
