// ARGS:
// EXIT: 1
// ERROR: wrt_unknown_name.c:9:8: error: 'wrt' names 'y', which is not a parameter of 'f'
// PREEXISTING: keep
// The annotation's wrt(...) names something that is not a parameter.
#include <adc.h>

ADC_DIFF(wrt(y))
double f(double x) { return x * x; }
