// ARGS:
// EXIT: 1
// ERROR: hvp_checkpoint.c:16:5: error: modes hvp and hessian do not support a loop marked ADC_CHECKPOINT (in 'f' or a function it calls); remove the mark, or ask for first order only
// Second order through a checkpointed loop (here in a helper): the tangent of the revolve
// schedule in the adjoint is not supported, so adc refuses at the loop, not in its own code.
#include <adc.h>

static double power3(double x);

ADC_DIFF(wrt(x), modes(hvp))
double f(double x) { return power3(x) + x; }

static double power3(double x) {
    double s = 1;
    ADC_CHECKPOINT(2)
    for (int i = 0; i < 3; i++)
        s = s * x;
    return s;
}
