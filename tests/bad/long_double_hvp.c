// ARGS:
// EXIT: 1
// ERROR: long_double_hvp.c:10:1: error: modes hvp and hessian do not support long double; ask for first order only
// long double is an active type for first order (e2e long_double); second order reads adc's
// own adjoint back in double and float only.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(hvp))
long double
ld_square(int n, const long double *x)
{
    long double s = 0.0L;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}
