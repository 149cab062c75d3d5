/* fit.c: the data-fit term of the objective (see model.h). */
#include <math.h>
#include <adc.h>
#include "model.h"

ADC_DIFF(wrt(x), len(x: n), modes(tangent, grad))
double fit(int n, const double *x) {
    double f = 0.0;
    for (int i = 0; i < n; i++) {
        double r = x[i] - 0.5 * i;
        f += 0.5 * r * r + log(1.0 + x[i] * x[i]);
    }
    return f;
}
