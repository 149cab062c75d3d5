// ARGS:
// EXIT: 1
// ERROR: unordered_comma_call.c:21:21: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A call updating a global in the left operand of a comma, inside a sum that reads the global:
// the comma orders its own operands only. gcc calls advance first (f = 2.89 at x = 0.7), clang
// reads level first (f = 2.1), and adc's derivative code called first: f_tangent's value was
// gcc's, silently, under clang. Inside the comma's right operand the read is ordered
// (e2e sequenced_global_calls).
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    return level + (advance(x), 2.0 * x);
}
