// ARGS:
// EXIT: 1
// ERROR: global_expression_aliased_argument.c:20:31: error: the global 'level' is passed to 'step', which also writes it by its name: the adjoint of 'f' would take the parameter and the global for two variables; pass it only one way (tangent modes are not limited)
// An expression of a global ((float) level) given to a helper that overwrites the global, as in
// global_value_aliased_argument (its first form only caught the global itself: dot-product
// test 29% off with 0.5 * level).
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
    k = k * step(0.5 * (float)level, k);
    return k + level;
}
