/* The twin of vla_param_gauss with arrays of fixed size: Gauss elimination in place on the
 * parameters `double A[4][4]` and `double b[4]`, taped whole on entry, a local pointer to one row
 * `double (*row)[4] = A + i` read as (*row)[j]. Both were silently wrong before: the tangent of
 * (*row)[j] was printed *row_d[j] (row_d[j][0]), and the backward sweep restored the parameters
 * in the order the forward sweep pushed them (A from x's bytes, 16 rows where A has 4, past
 * the caller's arrays). Checked against finite differences, the dot-product test, the closed
 * form, and A and b as on entry after grad. */
#include <adc.h>

/* Row i of m times x: the matrix as a pointer to variable-length rows. */
static double row_dot(int n, double (*m)[4], int i, const double x[4]) {
    double y = 0.0;
    for (int j = 0; j < n; j++)
        y += m[i][j] * x[j];
    return y;
}

/* Solves A x = b (A, b overwritten) and returns sum w_i x_i plus the residual of the copy
 * A0 x - b0 (zero, with zero gradient, at the solution). */
ADC_DIFF(wrt(A, b, x), modes(tangent, adjoint, grad, tangent_vector))
double gauss(int n, double A[4][4], double b[4], double x[4]) {
    double A0[4][4], b0[4];
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
        double (*row)[4] = A + i;
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
#define GAUSS_ROW 4
#define GAUSS_CASE "rows_fixed_gauss"
#include "gauss_driver.h"
#endif
