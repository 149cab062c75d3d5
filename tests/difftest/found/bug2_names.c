#include <adc.h>
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double f(int n, const double *x, double f_d) {
    return x[0] * x[n - 1] * f_d;
}
