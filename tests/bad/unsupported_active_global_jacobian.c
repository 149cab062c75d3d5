// EXIT: 1
// ERROR-RE: unsupported_active_global_jacobian\.c:[0-9]+:[0-9]+: error: global variable 'gain' carries derivatives, but the Jacobian wrappers of 'f' do not seed its shadows yet
// The Jacobian wrappers would have to clear the shadow globals between columns: refused for now.
#include <adc.h>

double gain;

ADC_DIFF(wrt(x, y), len(x: 2, y: 2), modes(jacobian))
void f(const double *x, double *y)
{
    gain = x[0] * x[1];
    y[0] = gain * x[0];
    y[1] = gain + x[1];
}
