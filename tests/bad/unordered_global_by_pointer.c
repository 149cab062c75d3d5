// ARGS:
// EXIT: 1
// ERROR: unordered_global_by_pointer.c:20:27: error: 'advance' writes the global 'level', which the same expression also reads through 'c', in an order C leaves unspecified; call it in a statement of its own
// A helper that updates a global, called in an expression that reads through a pointer
// parameter the caller may point at the global (main calls f(0.7, &level)): gcc calls advance
// first (f = -0.405, level = 0.5), clang reads c[0] first (f = -1.0), and adc's derivative
// code called first: f_tangent's value was gcc's, silently, under clang.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double *c) {
    return diff(c[0] * x, advance(x));
}
