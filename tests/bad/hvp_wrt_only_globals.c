// EXIT: 1
// ERROR-RE: hvp_wrt_only_globals\.c:[0-9]+:[0-9]+: error: modes hvp and hessian are with respect to parameters, and wrt\(\.\.\.\) names none of 'energy' \(only globals\)
// wrt(...) may name globals, but the Hessian wrappers are with respect to parameters.
#include <adc.h>
double state[3];
ADC_DIFF(wrt(state), modes(grad, hvp))
double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < 3; i++)
        e += state[i] * state[i] * state[i];
    return e;
}
