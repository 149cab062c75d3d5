// ARGS:
// EXIT: 1
// ERROR: hvp_struct_param.c:13:20: error: mode 'hessian' does not support a struct parameter ('p'); ask for hvp and apply it to unit directions
// The dense Hessian's wrapper seeds unit directions of one array or scalar: a struct
// parameter, which hvp takes (its directions are structs), is refused for hessian.
#include <adc.h>

struct pt {
    double x, y;
};

ADC_DIFF(wrt(p), modes(hessian))
double f(struct pt p, double w)
{
    return p.x * p.y * w * w;
}
