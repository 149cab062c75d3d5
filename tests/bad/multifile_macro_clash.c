// CMD: %s %I/../tests/bad/multifile/other.c -o %o -- -I%I
// EXIT: 1
// ERROR-RE: multifile/other\.c:[0-9]+:[0-9]+: error: macro 'SCALE' is defined differently in another input file
// Two input files define the macro SCALE differently.
#include <adc.h>

#define SCALE 2.0

double other_g(double x);

ADC_DIFF(wrt(x))
double f(double x)
{
    return SCALE * other_g(x);
}
