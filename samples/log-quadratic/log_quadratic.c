/* log_quadratic.c: the seed example f(x) = ln<x, Ax> with A symmetric positive definite
 * (n x n, row-major, so <x, Ax> > 0 for x != 0), marked for its gradient and its Hessian
 * with respect to x. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad, hessian))
double log_quadratic(int n, const double *A, const double *x) {
    double q = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            q += x[i] * A[i * n + j] * x[j];
    return log(q);
}
