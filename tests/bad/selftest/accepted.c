// ARGS:
// EXIT: 1
// ERROR: error:
// Driver self-test: adc accepts this file, so run_case.sh must report a failure (the ctest
// bad.selftest_accepted expects that failure). Guards against a driver that always passes.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x) { return x * x; }
