// ARGS:
// EXIT: 1
// ERROR: rows_param_repointed.c:13:9: error: re-pointing 'a', a parameter pointing to rows, is not supported: adc cannot tell which array its derivative points into; index its rows (a[i][j]) from the pointer the caller gave
// A double ** parameter moved (a++) is refused: its shadow is the caller's and adc follows
// only a[i][j] and rows given to helpers (issue 15).
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n, a[]: 2))
double f(int n, double **a)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        s += a[0][0] * a[0][1];
        a++;
    }
    return s;
}
