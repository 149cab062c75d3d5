// ARGS:
// EXIT: 1
// ERROR: rows_hvp.c:7:26: error: modes hvp and hessian do not support a pointer to rows ('a'): their wrappers take arrays of directions; pass the matrix as one array
// hvp and hessian take flat arrays of directions: a double ** parameter is refused there.
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n, a[]: 2), modes(hvp))
double f(int n, double **a)
{
    return a[0][0] * a[n - 1][1];
}
