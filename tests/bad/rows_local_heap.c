// ARGS:
// EXIT: 1
// ERROR: rows_local_heap.c:14:14: error: 'a', a local pointer to pointers (or array of pointers) to floating data is not supported: adc cannot tell which array its derivative points into; pass a row-pointer matrix in as a `double **` parameter (its shadow is the caller's), or use one flat array (double *) and index it
// A row-pointer matrix allocated in the function (Numerical Recipes' dmatrix, Burkardt's
// r8mat) is refused (issue 15): its rows' shadows would be heap blocks of their own that
// reverse mode allocates and frees with them. Allocate it in the caller and pass it in as a
// `double **` parameter.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double **a = malloc((size_t)n * sizeof *a);
    for (int i = 0; i < n; i++)
        a[i] = malloc((size_t)n * sizeof **a);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            a[i][j] = x[i] * x[j];
        s += a[i][i];
    }
    for (int i = 0; i < n; i++)
        free(a[i]);
    free(a);
    return s;
}
