// ARGS:
// EXIT: 1
// ERROR: struct_param_assigned_reverse.c:16:21: error: in reverse mode, a struct parameter passed by value that the function assigns ('s') is not supported; pass it by pointer
// The adjoint sets a by-value parameter's incoming adjoint aside where the body assigns it: for
// a struct it once wrote (*p_b) = 0.0, a file that did not compile. A struct of floating
// members is copied into a local on entry (struct_param_assigned.c); one holding pointers, whose
// shadow struct is the caller's, is not.
#include <adc.h>

struct sys {
    double *x;
    double k;
};

ADC_DIFF(wrt(s), len(s.x: 2), modes(adjoint))
double f(struct sys s)
{
    s.k = s.k * s.x[0];
    return s.k * s.x[1];
}
