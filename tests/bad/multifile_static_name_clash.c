// CMD: %s %I/../tests/bad/multifile/other.c -o %o -- -I%I
// EXIT: 1
// ERROR-RE: multifile/other\.c:[0-9]+:[0-9]+: error: a second function named 'helper' \(the other is at .*multifile_static_name_clash\.c:[0-9]+\)
// Two input files each define a static function 'helper': the derivatives would share a name.
#include <adc.h>

double other_g(double x);

static double helper(double v)
{
    return v * v;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    return helper(x) + other_g(x);
}
