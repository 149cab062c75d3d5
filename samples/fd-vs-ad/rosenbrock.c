/* rosenbrock.c: the test function of this sample, the extended Rosenbrock function of n
 * variables
 *     f(x) = sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2,
 * marked for its gradient. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad))
double rosenbrock(int n, const double *x) {
    double f = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        double a = x[i + 1] - x[i] * x[i], b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
    }
    return f;
}
