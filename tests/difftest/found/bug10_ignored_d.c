#include <adc.h>
static double h1(double p, double q) {
    return p * q;
}
static void h2(double p, double *q) {
    *q = 0.125;
    p = p / (2.0 + h1(*q, p) * h1(*q, p));
    p += -p;
}
ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(int n, const double *x) {
    double s = x[0];
    h2(x[n - 1], &s);
    return s * x[0];
}
