// ARGS:
// EXIT: 1
// ERROR: unordered_global_pointer_two_calls.c:21:31: error: 'rescale' writes the global 'gp', which 'first' in the same expression may reach through 'c', in an order C leaves unspecified; call them in statements of their own
// Two calls in one expression, one writing through a global pointer set outside f (main sets
// gp = c), the other given the array to read: gcc calls rescale first (f = -0.3 at x = 0.7,
// c = {0.5}), clang first first (f = -0.65), and adc's derivative code called first first:
// f_tangent's value was clang's, silently, under gcc.
#include <adc.h>

double *gp;

static double rescale(void) {
    gp[0] = 2.0 * gp[0];
    return 1.0;
}
static double first(const double *c) { return c[0]; }
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    return diff(first(c) * x, rescale());
}
