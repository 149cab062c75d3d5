// ARGS:
// EXIT: 1
// ERROR: grad_needs_len.c:9:8: error: mode 'grad' needs the length of 'x'
// PREEXISTING: keep
// f_grad zeroes the whole gradient of a pointer parameter, so it needs len(x: ...).
#include <adc.h>

ADC_DIFF(wrt(x), modes(grad))
double f(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}
