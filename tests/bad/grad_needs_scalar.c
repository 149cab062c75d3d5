// ARGS:
// EXIT: 1
// ERROR: grad_needs_scalar.c:8:6: error: mode 'grad' needs a function returning double or float
// f_grad exists only for a scalar result.
#include <adc.h>

ADC_DIFF(wrt(x, y), modes(grad))
void f(double x, double *y)
{
    *y = x * x;
}
