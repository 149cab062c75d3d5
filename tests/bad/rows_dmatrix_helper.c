// ARGS:
// EXIT: 1
// ERROR: rows_dmatrix_helper.c:23:18: error: 'dmatrix' returns a heap block that carries derivatives here but is given no active value, which is not supported; allocate the block here (malloc) instead
// A row-pointer matrix from a helper (Numerical Recipes' dmatrix) that then carries
// derivatives is refused (issue 15): the helper is given no active value, so it has no
// derivative that would allocate the shadow rows. Allocate the matrix in the function
// (malloc, then each row in a counting loop), or in the caller.
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static double **dmatrix(int n, int m)
{
    double **a = malloc((size_t)n * sizeof *a);
    for (int i = 0; i < n; i++)
        a[i] = malloc((size_t)m * sizeof **a);
    return a;
}

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double **a = dmatrix(n, n);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            a[i][j] = sin(x[i] * x[j]);
        s += a[i][i] * a[i][0];
    }
    for (int i = 0; i < n; i++)
        free(a[i]);
    free(a);
    return s;
}
