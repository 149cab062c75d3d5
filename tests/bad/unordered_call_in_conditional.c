// ARGS:
// EXIT: 1
// ERROR: unordered_call_in_conditional.c:20:31: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A call updating a global in a branch of a ?:, beside a read of the global: the ?: orders its
// own operands only. gcc calls advance first (f = 2.98 at x = 0.7), clang reads level first
// (f = 2.19), and adc's derivative code called first: f_tangent's value was gcc's, silently,
// under clang.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    return level + (x > 0.5 ? advance(x) : 0.0);
}
