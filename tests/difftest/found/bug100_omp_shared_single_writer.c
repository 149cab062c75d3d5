#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>
ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, tangent_vector, adjoint, grad, jacobian), vector(3))
double f(double a, int n, const double *x, int m, double *y) {
    double v = 0.0;
    
#pragma omp parallel for
    for (int i = 0; i < m; i++) {
        y[i] = x[i] * x[i + 1];
        if (i == 3) v = x[i] * a;
    }
    return v * v + y[0] * y[1];
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 1u
#define DT_NX 8
#define DT_NY 6
#define DT_W 3
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 1
#define DT_HESS 0
#include "harness.h"
#endif
