// ARGS:
// EXIT: 1
// ERROR: unordered_call_loop_condition.c:22:30: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A call updating a global in the condition of a while loop that reads the global too: gcc
// and clang both read level first (f = 0.175 at x = 0.7: one trip), while adc's derivative
// code called advance first (no trip: f_tangent returned 0), silently. Lowering put the
// hoisted call in a block of its own inside the loop, apart from the test, and the check did
// not see the two together (an if's condition was checked: unordered_call_condition).
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    double s = 0.0;
    while (s + 2.0 * level < advance(x))
        s += 0.25;
    return s * x;
}
