#include <adc.h>
static void h1(double *p, double s) {
    p[0] += s * p[0];
}
ADC_DIFF(wrt(y), len(y: m), modes(tangent, adjoint))
void g(int m, double *y) {
    h1(y, y[m - 1]);
}
