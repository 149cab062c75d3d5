// ARGS:
// EXIT: 1
// ERROR: hvp_read_through_choice.c:13:5: error: modes hvp and hessian do not support reading floating data through a pointer chosen by ?: (in 'f' or a function it calls); read it in each branch of an if/else, or ask for first order only (tangent, adjoint, grad)
// A read through a pointer chosen by ?: is right in first order, but its adjoint is added
// through the same choice (`*(c ? &u_b : &v_b) += ...`), which the second order, reading the
// adjoint back, lost: hvp was silently wrong. Refused for hvp and hessian.
#include <adc.h>

ADC_DIFF(wrt(x, y), modes(hvp))
double f(double x, double y)
{
    double u = x * x, v = y * x;
    return *(x > 0.5 ? &u : &v) * y;
}
