// ARGS:
// EXIT: 1
// ERROR: unordered_global_pointer_elsewhere.c:22:27: error: 'rescale' writes the global 'gp', which the same expression also reads through 'c', in an order C leaves unspecified; call it in a statement of its own
// A helper that writes through a global pointer set outside f (main sets gp = c, as a caller
// may), called in an expression that reads the array by the parameter: gcc calls rescale
// first (f = -0.3 at x = 0.7, c = {0.5}), clang reads c[0] first (f = -0.65), and adc's
// derivative code called first: f_tangent's value and derivative (1.0, where clang's f has 0.5)
// were gcc's, silently, under clang. adc cannot see where gp points, so any pointer the
// expression reads through may be the array. Set in f itself: unordered_global_pointer_call.
#include <adc.h>

double *gp;

static double rescale(void) {
    gp[0] = 2.0 * gp[0];
    return 1.0;
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    return diff(c[0] * x, rescale());
}
