/* difftest bug 9 (seed 30207, reduced by hand): a helper called with no active argument sets a
 * variable that is active later. */
#include <adc.h>

static double h1(double p, double q) { return p * q; }

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, hvp))
double f(int n, const double *x) {
    double acc = h1(0.5, n * 0.3);
    acc += h1(acc, x[0]);
    return acc * h1(1.5, x[n - 1]);
}
