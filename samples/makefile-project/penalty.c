/* penalty.c: the penalty term of the objective (see model.h). The constants are copied into
 * locals because adc built with libclang < 17 cannot read operators next to macros. */
#include <adc.h>
#include "model.h"

ADC_DIFF(wrt(x), len(x: n), modes(adjoint, grad))
double penalty(int n, const double *x) {
    const double mu = MODEL_MU, r2 = MODEL_RADIUS2;
    double s = -r2;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return mu * s * s;
}
