#include <adc.h>
static double h0(double p) {
    return p * p;
}
ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double f(int n, const double *x) {
    double s = x[0];
    if (h0(x[n - 1]) > 0.5)
        s = s * x[0];
    return s;
}
