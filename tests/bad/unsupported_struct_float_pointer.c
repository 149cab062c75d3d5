// ARGS:
// EXIT: 1
// ERROR: unsupported_struct_float_pointer.c:15:25: error: 'p' would carry derivatives in a struct whose field 'weights' points to floating data (a linked structure or a buffer); adc differentiates arrays and plain structs: pass that data as a parameter of its own
// An active struct holding a pointer to floating data: the derivative code would write through
// the shadow struct's copy of the pointer (const here: the adjoint did not compile), with no
// convention for where it points.
#include <adc.h>

struct samples {
    const double *weights;
    double scale;
};

ADC_DIFF(wrt(p), modes(tangent, adjoint))
double f(struct samples p)
{
    return p.scale * p.scale * p.weights[0];
}
