#include <adc.h>
ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double f(int n, const double *x) {
    double s = x[0];
    ADC_CHECKPOINT(2)
    for (int k = 0; k < 3; k++)
        s = s * x[n - 1];
    return s;
}
