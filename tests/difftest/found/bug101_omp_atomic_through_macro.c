#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>
#define ATOMIC _Pragma("omp atomic")
ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, tangent_vector, adjoint, grad, jacobian), vector(3))
double f(double a, int n, const double *x, int m, double *y) {
    double s = 0.0;
#pragma omp parallel for
    for (int i = 0; i < 64; i++) {
        ATOMIC
        s += x[i % n] * a * (1 + i % 3);
    }
    return s * s + y[0];
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
