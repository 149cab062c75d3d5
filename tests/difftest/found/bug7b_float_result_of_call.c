#include <adc.h>
static double h0(double p) {
    return p * p;
}
ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(int n, const double *x) {
    float fl = h0(x[0]);
    return fl * x[n - 1];
}
