#include <adc.h>
ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double f(int n, const double *x) {
    double d = x[0] * x[0];
    d = 3.0;
    return d * x[n - 1];
}
