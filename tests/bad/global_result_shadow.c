// ARGS:
// EXIT: 1
// ERROR: global_result_shadow.c:11:8: error: 'f' reads the global 'f_d', the name adc gives the derivative of its result; rename the global
// A global read by f named like the tangent of f's result (the last parameter of f_tangent,
// which would hide it). A global named like a parameter's tangent (x_d beside x) is fine:
// the parameter is renamed (e2e param_shadow_names).
#include <adc.h>

double f_d = 2.0;
ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) { return x * x * f_d; }
