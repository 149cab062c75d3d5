// ARGS:
// EXIT: 1
// ERROR: rows_hvp.c:8:8: error: mode 'hessian' needs the length of 'a' and of its rows: add len(a: ..., a[]: ...) to ADC_DIFF
// The dense Hessian of a double ** parameter numbers its elements row by row (a[i][j] is
// i m + j): it needs the length of the rows too. Once refused whatever the lengths.
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n), modes(hessian))
double f(int n, double **a)
{
    return a[0][0] * a[n - 1][1];
}
