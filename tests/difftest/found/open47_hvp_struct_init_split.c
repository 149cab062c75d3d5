#include <adc.h>
typedef struct { int n; const double *x; int m; double *y; double c; } sys_t;
ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(hvp))
double f(double a, int n, const double *x, int m, double *y) {
    double acc = 0.25 * y[0] + a;
    sys_t s = {n, x, m, y, (x[0] * acc) / (2.0 + acc * acc)};

    return s.c;
}
