// CMD: %s %I/../tests/bad/multifile/other.c -o %o -- -I%I
// EXIT: 1
// ERROR-RE: error: 'w' names another file-scope variable at .*
// Two input files each have a static const table 'w' (different values): the generated file
// cannot hold both under one name.
#include <adc.h>

static const double w[2] = {1.0, 2.0};

double other_g(double x);

ADC_DIFF(wrt(x))
double f(double x)
{
    return w[1] * x + other_g(x);
}
