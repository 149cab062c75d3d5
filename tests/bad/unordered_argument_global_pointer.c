// ARGS:
// EXIT: 1
// ERROR: unordered_argument_global_pointer.c:20:28: error: 'rescale' writes through its argument 'c', which the same expression also reads through 'gp', in an order C leaves unspecified; call it in a statement of its own
// A helper that writes through its argument, called in an expression that reads through a
// global pointer set outside f to the same array (main sets gp = c): gcc calls rescale first
// (f = -0.3 at x = 0.7, c = {0.5}), clang reads gp[0] first (f = -0.65), and adc's derivative
// code called first: f_tangent's value was gcc's, silently, under clang.
#include <adc.h>

double *gp;

static double rescale(double *c) {
    c[0] = 2.0 * c[0];
    return 1.0;
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    return diff(gp[0] * x, rescale(c));
}
