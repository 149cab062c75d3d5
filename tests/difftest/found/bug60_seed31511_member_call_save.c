/* difftest program 31511 (features all), reduced by hand (README bug 60): g reads y through
 * &t, and `t.y[0] += ...` after the call was not saved for g's backward sweep. */
#include <math.h>
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static double tape(const sys_t *n_b, double f_b) {
    double result = f_b;
    for (int first = 0; first < n_b->m; first++)
        result += pow(n_b->y[first], 3) + n_b->x[first % n_b->n];
    return result;
}

ADC_DIFF(wrt(a0, status, y_b), len(status: n0, y_b: m0), modes(tangent, adjoint, grad))
double f(double a0, int n0, const double *status, int m0, double *y_b) {
    sys_t t2_b = {n0, status, m0, y_b, a0};
    double acc0 = tape(&t2_b, status[0]);
    for (int k0 = 0; k0 < 2; k0++)
        t2_b.y[(m0) % m0] += cos(k0 * 1.25);
    return acc0 + a0 * y_b[0];
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 31511u
#define DT_NX 3
#define DT_NY 2
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
