// ARGS:
// EXIT: 1
// ERROR: unknown_option.c:8:8: error: unknown option 'fast' in options(...) (known: fast_math)
// options(...) names an option adc does not have.
#include <adc.h>

ADC_DIFF(wrt(x), options(fast))
double f(double x) { return x * x; }
