/* C99 variable-length array parameters in the style of numerical codes: Gauss elimination
 * without pivoting on `double A[n][n]` and `double b[n]` in place (both taped whole on entry,
 * and restored in the reverse order: the backward sweep restored A from x's bytes before, and
 * wrote past the caller's arrays), a local pointer to one row `double (*row)[n] = A + i`, 2-D
 * and 1-D VLA copies A0, b0 taped whole for a helper taking `double (*m)[n]`. The shadows have
 * the same declared types (`double (*A_b)[n]`), len(...) defaults to the declared counts.
 * Checked against finite differences, the dot-product test, the adjoint's increments, the
 * vector tangent and the closed form df/db = A^-T w, df/dA = -(A^-T w) x^T. */
#include <adc.h>

/* Row i of m times x: the matrix as a pointer to variable-length rows. */
static double row_dot(int n, double (*m)[n], int i, const double x[n]) {
    double y = 0.0;
    for (int j = 0; j < n; j++)
        y += m[i][j] * x[j];
    return y;
}

/* Solves A x = b (A, b overwritten) and returns sum w_i x_i plus the residual of the copy
 * A0 x - b0 (zero, with zero gradient, at the solution). */
ADC_DIFF(wrt(A, b, x), modes(tangent, adjoint, grad, tangent_vector))
double gauss(int n, double A[n][n], double b[n], double x[n]) {
    double A0[n][n], b0[n];
    for (int i = 0; i < n; i++) {
        b0[i] = b[i];
        for (int j = 0; j < n; j++)
            A0[i][j] = A[i][j];
    }
    for (int k = 0; k < n; k++)
        for (int i = k + 1; i < n; i++) {
            double f = A[i][k] / A[k][k];
            for (int j = k; j < n; j++)
                A[i][j] -= f * A[k][j];
            b[i] -= f * b[k];
        }
    for (int i = n - 1; i >= 0; i--) {
        double (*row)[n] = A + i;
        double s = b[i];
        for (int j = i + 1; j < n; j++)
            s -= (*row)[j] * x[j];
        x[i] = s / (*row)[i];
    }
    double out = 0.0;
    for (int i = 0; i < n; i++) {
        double r = row_dot(n, A0, i, x) - b0[i];
        out += (i + 1.0) * x[i] + 1e3 * r * r;
    }
    return out;
}

#ifdef ADC_E2E_MAIN
#define GAUSS_ROW n
#define GAUSS_CASE "vla_param_gauss"
#include "gauss_driver.h"
#endif
