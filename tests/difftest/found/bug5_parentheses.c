#include <adc.h>
ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(int n, const double *x) {
    double r = x[0];
    if (2.0 > r || (n < 3 && r > -3.0))
        r = r * r;
    return r;
}
