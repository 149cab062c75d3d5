#include <adc.h>
typedef struct { double *y; double c; } sys_t;
static void h2(double p, double *q) { *q = p * p; }
ADC_DIFF(wrt(a, y), len(y: m), modes(tangent, adjoint))
double f(double a, int m, double *y) {
    sys_t s = {y, a};
    s.y[0] += s.c;
    h2(a, &y[1 % m]);
    return y[0];
}
