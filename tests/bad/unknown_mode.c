// ARGS:
// EXIT: 1
// ERROR: unknown_mode.c:8:8: error: unknown mode 'backward'
// modes(...) names a mode that does not exist.
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, backward))
double f(double x) { return x * x; }
