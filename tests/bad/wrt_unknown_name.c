// ARGS:
// EXIT: 1
// ERROR: wrt_unknown_name.c:9:8: error: 'wrt' names 'y', which is neither a parameter of 'f' nor a floating global variable
// PREEXISTING: keep
// The annotation's wrt(...) names something that is neither a parameter nor a global.
#include <adc.h>

ADC_DIFF(wrt(y))
double f(double x) { return x * x; }
