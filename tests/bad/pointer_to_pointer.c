// ARGS:
// EXIT: 1
// ERROR: pointer_to_pointer.c:13:13: error: 'rows', a local pointer to pointers (or array of pointers) to floating data is not supported: adc cannot tell which array its derivative points into; pass a row-pointer matrix in as a `double **` parameter (its shadow is the caller's), or use one flat array (double *) and index it
// A local array of pointers to floating data (double *rows[3] = {u, v, w}) is refused (issue
// 15): each pointer it holds would need a shadow that reverse mode restores. A `double **`
// parameter works (e2e row_pointer_params).
#include <adc.h>

ADC_DIFF(wrt(u, v), len(u: 2, v: 2))
double f(double *u, double *v)
{
    double w[2] = {1.0, 2.0};
    double *rows[3] = {u, v, w};
    double s = 0.0;
    for (int k = 0; k < 3; k++)
        s += rows[k][0] * rows[k][1];
    return s;
}
