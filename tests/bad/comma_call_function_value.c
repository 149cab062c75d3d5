// ARGS:
// EXIT: 1
// ERROR: comma_call_function_value.c:21:11: error: a comma operator giving a function or an array of arrays, whose left operand calls a function, inside an expression is not supported by adc
// The left operand of a comma that calls a function runs before the right operand but in any
// order with the rest of the expression: adc declares the comma's value after the right
// operand to check that order, and a function (or an array of arrays) is no value it declares.
#include <adc.h>

double level;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}
double twice(double x) { return 2.0 * x; }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    level = x;
    double y = x;
    y += (advance(x), twice)(x);
    return y * level;
}
