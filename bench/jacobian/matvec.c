/* y = A x for a row-major m x n matrix A: the objective of bench/jacobian, written as a user
 * would. Its Jacobian dy/dx is A itself. */
#include <adc.h>

ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(jacobian))
void matvec(int m, int n, const double *A, const double *x, double *y) {
    for (int i = 0; i < m; i++) {
        y[i] = 0.0;
        for (int j = 0; j < n; j++)
            y[i] += A[i * n + j] * x[j];
    }
}
