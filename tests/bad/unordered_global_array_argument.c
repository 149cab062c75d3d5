// ARGS:
// EXIT: 1
// ERROR: unordered_global_array_argument.c:20:27: error: 'rescale' writes the global 'table', which the same expression also reads through 'c', in an order C leaves unspecified; call it in a statement of its own
// A helper that writes a global array, called in an expression that reads through a pointer
// parameter the caller may point at that array (main calls f(0.7, table)): gcc calls rescale
// first (f = -0.3, table[0] = 0.5), clang reads c[0] first (f = -0.65), and adc's derivative
// code called first: f_tangent's value was gcc's, silently, under clang.
#include <adc.h>

double table[2];

static double rescale(void) {
    table[0] = 2.0 * table[0];
    return 1.0;
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    return diff(c[0] * x, rescale());
}
