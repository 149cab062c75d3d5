// ARGS:
// EXIT: 1
// ERROR: malformed_annotation.c:8:8: error: malformed ADC_DIFF annotation
// The annotation is not a list of wrt(...), len(...), modes(...) clauses.
#include <adc.h>

ADC_DIFF(wrt(x), frobnicate)
double f(double x) { return x * x; }
