// ARGS:
// EXIT: 1
// ERROR: argument_pointer_chosen.c:18:19: error: adc cannot tell which variable this pointer argument points into (it is chosen by ?:); make the call in each branch of an if/else
// A pointer argument chosen by ?: (`square(c ? &u : &a[0])`): adc took the argument for
// inactive and called the helper's primal, dropping u's and a's derivatives through it in every
// mode. Refused.
#include <adc.h>

static double square(const double *p)
{
    return *p * *p;
}

ADC_DIFF(wrt(x, y))
double f(double x, double y)
{
    double u = x * y, a[2] = {y, x};
    return square(x > 0.1 ? &u : &a[0]) + u;
}
