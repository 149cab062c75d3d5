// ARGS:
// EXIT: 1
// ERROR: unsupported_float_pointer_cast.c:15:20: error: a conversion between pointers to different floating types is not supported by adc
// ERROR: unsupported_float_pointer_cast.c:21:20: error: a conversion between pointers to different floating types is not supported by adc
// A double array read through a float pointer (cast, or converted implicitly at a call: a
// warning only in C) reinterprets its bytes: refused, where its derivative would pass a
// double shadow where a float one is expected.
#include <adc.h>

static double product(const float *v) { return v[0] * v[1]; }

ADC_DIFF(wrt(x), len(x: 2))
double f(const double *x)
{
    return product((const float *)x);
}

ADC_DIFF(wrt(x), len(x: 2))
double g(const double *x)
{
    return product(x);
}
