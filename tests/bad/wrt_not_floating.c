// ARGS:
// EXIT: 1
// ERROR: wrt_not_floating.c:8:8: error: 'wrt' names 'n', which is not floating
// wrt(...) names an integer parameter.
#include <adc.h>

ADC_DIFF(wrt(x, n))
double f(double x, int n) { return x * n; }
