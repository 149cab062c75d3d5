// ARGS:
// EXIT: 1
// ERROR: rows_dmatrix_helper.c:28:9: error: a row of 'a' allocated here when a function returned its table is not supported
// A row-pointer matrix returned by a helper (Numerical Recipes' dmatrix) is differentiated
// (tests/e2e/cases/heap_nr_helpers.c): the helper's derivative allocates the shadow rows and
// its backward sweep frees the rows. Rows the caller allocates again into that table would be
// freed there a second time: refused. Allocate the table and its rows in one function.
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
    for (int i = 0; i < n; i++)
        free(a[i]);
    for (int i = 0; i < n; i++)
        a[i] = malloc((size_t)n * sizeof **a);
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
