// CMD: %s %I/../tests/bad/multifile/other.c -o %o -- -I%I
// EXIT: 1
// ERROR-RE: multifile/other\.c:[0-9]+:[0-9]+: error: type 'P' is defined differently in another input file
// Two input files define struct P differently: the generated file has one definition of it.
#include <adc.h>

struct P {
    double a;
};

double other_g(double x);

ADC_DIFF(wrt(x))
double f(double x)
{
    struct P p = {x};
    return p.a * other_g(x);
}
