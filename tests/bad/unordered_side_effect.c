// ARGS:
// EXIT: 1
// ERROR: unordered_side_effect.c:13:16: error: 'i' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// A side effect and another use of the same variable in one statement: C does not say which
// comes first (here the behaviour is undefined), so adc refuses rather than pick an order.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i + 1 < n;)
        s += x[i++] * x[i];
    return s;
}
