// ARGS:
// EXIT: 1
// ERROR: unordered_math_store.c:13:16: error: 'ip' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// modf stores through its pointer inside the call, which C orders neither before nor after
// the other read of ip in the statement: which value it reads is unspecified. Refused.
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    double ip;
    double y = modf(x, &ip) * ip;
    return y;
}
