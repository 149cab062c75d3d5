// ARGS:
// EXIT: 1
// ERROR: global_value_aliased_argument.c:20:18: error: the global 'level' is passed to 'step', which also writes it by its name: the adjoint of 'f' would take the parameter and the global for two variables; pass it only one way (tangent modes are not limited)
// A global's value given to a helper that overwrites the global: the backward sweep read the
// argument after the call had changed it (difftest seed 103: the dot-product test failed by
// 59%, no diagnostic).
#include <adc.h>

double level;

static double step(double p, double q) {
    level = level * p + q;
    return level * q;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint))
double f(const double *x) {
    level = x[0] * x[1];
    double k = x[0] + 2.0;
    k = k * step(level, k);
    return k + level;
}
