// ARGS:
// EXIT: 1
// ERROR: unsupported_type_punning_void.c:15:15: error: active floating data passed as 'void *' (a 'void *params' of an ODE or solver interface) is not supported
// ERROR: unsupported_type_punning_void.c:17:32: error: 'high_bits' receives memory that carries derivatives through 'v'
// Type punning without a cast: an active value's address converted to void * (by an
// assignment, or as a helper's argument), then read as another type.
#include <adc.h>

static int high_bits(const void *v) { return ((const int *)v)[1]; }

ADC_DIFF(wrt(x))
double f(double x)
{
    double y = x * x;
    void *v = &y;
    int *ip = v;
    return *ip * x + high_bits(&y);
}
