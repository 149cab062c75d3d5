// ARGS:
// EXIT: 1
// ERROR: syntax_error.c:9:34: error: expected ';'
// PREEXISTING: keep
// A C syntax error: clang's own error is reported, with its location.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x) { return x * x }
