/* difftest entry 74 (fixed): gcc -O0, the generated f_hvp segfaulted in check hvp-fd. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

static double h(double p0, double s) {
    double *w = malloc(2 * sizeof(double));
    w[0] = p0 * s;
    w[1] = sin(w[0]) * s;
    double r = w[0] * w[1];
    free(w);
    return r;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad, hvp))
double f(double a, int n, const double *x, int m, double *y) {
    double s = a * x[0] * y[m - 1];
    if (h(a * x[0], y[0]) > 0.5)
        s *= 2.0;
    return s * a + x[n - 1];
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 43u
#define DT_NX 2
#define DT_NY 2
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
