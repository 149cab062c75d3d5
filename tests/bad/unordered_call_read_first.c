// ARGS:
// EXIT: 1
// ERROR: unordered_call_read_first.c:21:32: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A global read in an argument of one call, and updated by another call of the expression:
// gcc calls advance first (f = 0.7301 at x = 0.7), clang reads level first (f = -1.0), and
// adc's derivative code read it first too: f_tangent's value was clang's, silently, under gcc.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}
static double square(double a) { return a * a; }
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    return diff(square(level), advance(x));
}
