/* Seed 850743 reduced by hand (README bug 14): the float rounding of fl (7.1e-6) moves the
 * phase of sin(t + q) by 0.041 (q is 5.1e5 and moves 3.7e5 times as fast as a), so the
 * double twin's derivative (343273.6, its differences settle at every step) is not the float
 * program's (357121.6, adc's, which the differences of the program with its rounding frozen at
 * the point confirm to 7 digits at a step of 1e-9). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad))
double f(double a, int n, const double *x, int m, double *y) {
    double t = 40.0 + 20.0 * a;
    float fl = t * 3.0 + 0.5;
    double q = t + 4.0 * fl;
    q = q * (q + x[n - 1]);
    y[m - 1] = q + cosh(sin(t + q));
    return a;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 850743u
#define DT_NX 1
#define DT_NY 1
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 0
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
