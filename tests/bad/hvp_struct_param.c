// ARGS:
// EXIT: 1
// ERROR: hvp_struct_param.c:13:20: error: modes hvp and hessian do not support a struct parameter ('p'): their wrappers take arrays of directions; pass its floating data as arrays
// The Hessian-vector product wrapper sizes directions and products as arrays of the parameter's
// floating type: for a struct it once declared `double p_b = 0` (a file that did not compile).
#include <adc.h>

struct pt {
    double x, y;
};

ADC_DIFF(wrt(p, w), modes(hvp))
double f(struct pt p, double w)
{
    return p.x * p.y * w * w;
}
