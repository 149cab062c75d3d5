// ARGS:
// EXIT: 1
// ERROR: unordered_global_pointer_call.c:21:27: error: 'rescale' writes the global 'table', which the same expression also reads through 'c', in an order C leaves unspecified; call it in a statement of its own
// A helper that writes through a global pointer, called in an expression that reads the same
// array by the parameter the pointer was set to: gcc calls rescale first (f = -0.3 at x = 0.7,
// c = {0.5}), clang reads c[0] first (f = -0.65), and adc's derivative code called first:
// f_tangent's value and derivative (1.0, where clang's f has 0.5) were gcc's, silently, under clang.
#include <adc.h>

double *table;

static double rescale(void) {
    table[0] = 2.0 * table[0];
    return 1.0;
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    table = c;
    return diff(c[0] * x, rescale());
}
