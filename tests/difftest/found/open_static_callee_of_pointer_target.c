#include <adc.h>
static double h0(double p, double q) { return p * q; }
ADC_DIFF(wrt(u, v), modes(tangent, adjoint))
double dh0(double u, double v) { double t = h0(u, v); return t + u; }
static double apply(double (*fn)(double, double), double s, double q) { return fn(s, q); }
ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) { return apply(dh0, x, 0.5); }
