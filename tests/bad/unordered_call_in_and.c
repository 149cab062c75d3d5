// ARGS:
// EXIT: 1
// ERROR: unordered_call_in_and.c:22:28: error: 'advance' writes the global 'level', which 'scaled' in the same expression also reads, in an order C leaves unspecified; call them in statements of their own
// A call updating a global in the second operand of &&, and a call reading the global in
// another argument: && orders its own operands only. gcc calls scaled first (f = 0.51 at
// x = 0.7), clang advance first (f = -0.043), and adc's derivative code called advance first:
// f_tangent's value was clang's, silently, under gcc.
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
    return diff(x > 0.0 && advance(x) > 0.0, scaled(x));
}
