// ARGS:
// EXIT: 1
// ERROR: unordered_pointer_call.c:17:19: error: 'step' writes through its argument 'x', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A helper that updates an array in place, called in an expression that reads the array too:
// gcc and clang both read x[0] first (f = 1.21 at x = (0.7, 0.3)), while adc's derivative
// code called step first (f_tangent returned 2.21): silently wrong before this refusal. The
// same with a global written by name is unordered_global_call.
#include <adc.h>

static double step(double *x) {
    x[0] = 2.0 * x[0] + x[1];
    return x[0] * x[1];
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint))
double f(double *x) {
    return x[0] + step(x);
}
