// ARGS:
// EXIT: 1
// ERROR: unsupported_float_pointer_cast.c:16:20: error: a conversion between pointers to different floating types is not supported by adc
// ERROR: unsupported_float_pointer_cast.c:22:20: error: a conversion between pointers to different floating types is not supported by adc
// ERROR: unsupported_float_pointer_cast.c:28:20: error: a conversion between pointers to different floating types is not supported by adc
// A double array read through a float pointer (cast, converted implicitly at a call: a
// warning only in C, or cast by way of void *) reinterprets its bytes: refused, where its derivative would pass a
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

ADC_DIFF(wrt(x), len(x: 2))
double h(const double *x)
{
    return product((const float *)(const void *)x);
}
