// ARGS:
// EXIT: 1
// ERROR: grad_struct_with_pointer.c:14:8: error: mode 'grad' cannot zero the gradient of 'p': its struct holds pointers (ask for modes(tangent, adjoint) and set up the adjoint yourself)
// The gradient of a struct parameter is zeroed whole: a pointer in it would be zeroed too (the
// adjoint then writes through a null pointer).
#include <adc.h>

struct samples {
    const double *weights;
    double scale;
};

ADC_DIFF(wrt(p))
double f(struct samples p)
{
    return p.scale * p.scale * p.weights[0];
}
