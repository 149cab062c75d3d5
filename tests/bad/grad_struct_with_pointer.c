// ARGS:
// EXIT: 1
// ERROR: grad_struct_with_pointer.c:14:8: error: mode 'grad' cannot zero the gradient of 'p': its struct holds pointers (ask for modes(tangent, adjoint) and set up the adjoint yourself)
// The gradient of a struct parameter is zeroed whole: a pointer in it would be zeroed too (the
// adjoint then reads through a null pointer). Without an explicit grad: a warning, no f_grad.
#include <adc.h>

struct samples {
    const int *counts;
    double scale;
};

ADC_DIFF(wrt(p), modes(tangent, adjoint, grad))
double f(struct samples p)
{
    return p.scale * p.scale * p.counts[0];
}
