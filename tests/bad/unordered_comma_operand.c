// ARGS:
// EXIT: 1
// ERROR: unordered_comma_operand.c:12:14: error: 's' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// The comma operator orders its own operands only: the assignment in its left operand and the
// read of s in the other operand of + meet at +, which C leaves unordered. Refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    double s = x;
    s = x * (s = 1.0, 2.0) + s;
    return s;
}
