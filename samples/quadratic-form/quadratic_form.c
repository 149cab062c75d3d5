/* quadratic_form.c: the seed example f(x) = <x, Ax> - b.x + c with a non-symmetric n x n
 * matrix A (row-major), marked for its gradient and its Hessian with respect to x. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad, hessian))
double quadratic_form(int n, const double *A, const double *b, double c, const double *x) {
    double xAx = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            xAx += x[i] * A[i * n + j] * x[j];
    double bx = 0.0;
    for (int i = 0; i < n; i++)
        bx += b[i] * x[i];
    return xAx - bx + c;
}
