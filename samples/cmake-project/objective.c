/* objective.c: differentiated by adc_differentiate() in CMakeLists.txt. */
#include <adc.h>
#include "objective.h"

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double rosenbrock(int n, const double *x) {
    double f = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1.0 - x[i];
        f += 100.0 * a * a + b * b;
    }
    return f;
}
