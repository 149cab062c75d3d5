// ARGS:
// EXIT: 1
// ERROR: unordered_two_calls.c:22:17: error: 'advance' writes the global 'level', which 'scaled' in the same expression also reads, in an order C leaves unspecified; call them in statements of their own
// Two calls in one expression, one updating a global the other reads: C leaves the order of
// the arguments open. gcc calls scaled first (f = 1.0 at x = 0.7), clang advance first
// (f = 0.447), and adc's derivative code called advance first: f_tangent's value was clang's,
// silently, under gcc.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}
static double scaled(double x) { return level * x; }
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    return diff(advance(x), scaled(x));
}
