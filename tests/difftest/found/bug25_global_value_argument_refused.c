#include <math.h>
#include <adc.h>
double gv0;


static double dh0(double p, double q) {
    gv0 = gv0 * p + q;
    return gv0 * q;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad))
double f(double a, int n, const double *x, int m, double *y) {
    gv0 = a * x[n - 1] + y[m - 1];
    double k = x[0] + 2.0;
    k = k * dh0(0.5 * gv0, k);
    return k + gv0 * a;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 137u
#define DT_NX 1
#define DT_NY 4
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
