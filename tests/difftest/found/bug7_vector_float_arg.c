#include <adc.h>
static void h0(double p, double *out) {
    *out = p * p;
}
ADC_DIFF(wrt(x), len(x: n), modes(tangent_vector), vector(3))
double f(int n, const double *x) {
    float fl = x[0];
    double acc = 0.0;
    h0(fl, &acc);
    return acc * x[n - 1];
}
