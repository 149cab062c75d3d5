// ARGS:
// EXIT: 1
// ERROR: global_array_aliased_argument.c:20:18: error: the global 'state' is passed to 'relax', which also writes it by its name: the adjoint of 'f' would take the parameter and the global for two variables; pass it only one way (tangent modes are not limited)
// A global array given to a helper as a pointer parameter while the helper writes the global
// by its name: one array under two names, which the adjoint took for two (difftest seed 137:
// the dot-product test between tangent and adjoint failed by 12%, no diagnostic).
#include <adc.h>

double state[2];

static double relax(const double *r, double h) {
    for (int b = 0; b < 3; b++)
        state[0] = state[0] * h + r[1];
    return r[0] * h;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint))
double f(const double *x) {
    state[0] = x[0], state[1] = x[1];
    return relax(state, x[0]) + state[0];
}
