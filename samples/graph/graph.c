/* graph.c: the forward-mode example L(w1, w2) = w2 log w1 + sqrt(w2 log w1), whose
 * computational graph is v1 = log w1, v2 = w2 v1, v3 = sqrt v2, L = v2 + v3. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(w1, w2), modes(tangent, adjoint, grad, hvp))
double L(double w1, double w2) {
    double v1 = log(w1);
    double v2 = w2 * v1;
    double v3 = sqrt(v2);
    return v2 + v3;
}
