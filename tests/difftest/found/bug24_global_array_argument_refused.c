#include <math.h>
#include <adc.h>
double gv1[3];

static double mm(int q, const double *r, double h) {
    double r1 = h;
    for (int b = 0; b < q; b++) {
        double t = r[0];
        gv1[0] /= (2.0 + r1 * r1);
        r1 += t * r1;
    }
    return r1;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad))
double f(double a, int n, const double *x, int m, double *y) {
    gv1[0] = a * x[0], gv1[1] = x[n - 1], gv1[2] = y[m - 1];
    double acc = mm(3, gv1, x[0]);
    return acc + gv1[0];
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 137u
#define DT_NX 1
#define DT_NY 4
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 0
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
