// ARGS:
// EXIT: 1
// ERROR: unordered_call_condition.c:19:23: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A call updating a global in the condition of an if that reads the global too: gcc and clang
// both read level first (f = 0.49 at x = 0.7: the test is 1.4 < 1.49), and adc's derivative
// code called advance first (the test 2.98 < 1.49 failed: f_tangent returned 0.7), silently.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    if (2.0 * level < advance(x))
        return x * x;
    return x;
}
