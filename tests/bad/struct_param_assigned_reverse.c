// ARGS:
// EXIT: 1
// ERROR: struct_param_assigned_reverse.c:13:20: error: in reverse mode, a struct parameter passed by value that the function assigns ('p') is not supported; pass it by pointer
// The adjoint sets a by-value parameter's incoming adjoint aside where the body assigns it: for
// a struct it once wrote (*p_b) = 0.0, a file that did not compile.
#include <adc.h>

struct pt {
    double x, y;
};

ADC_DIFF(wrt(p), modes(adjoint))
double f(struct pt p)
{
    p.x = p.x * p.y;
    return p.x * p.y;
}
