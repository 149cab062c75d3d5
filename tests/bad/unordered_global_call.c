// ARGS:
// EXIT: 1
// ERROR: unordered_global_call.c:20:26: error: 'advance' writes the global 'level', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A helper that updates a global, called in an expression that reads the global too (difftest
// seeds 18811 and 18951): C leaves open whether `level` is read before or after the call, gcc
// -O0 read it first, and adc's derivative code called first: f_tangent's value of f was not
// f's, silently.
#include <adc.h>

double level;

static double advance(double p) {
    level = 0.5 * level + p;
    return level * p;
}

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    return 2.0 * level + advance(x);
}
