/* softplus.c: the seed example f(x) = ln(1 + exp<a, x>), the softplus of a linear function
 * (a is data, x the variable), marked for its gradient and its Hessian with respect to x. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad, hessian))
double softplus(int n, const double *a, const double *x) {
    double t = 0.0;
    for (int i = 0; i < n; i++)
        t += a[i] * x[i];
    return log(1.0 + exp(t));
}
