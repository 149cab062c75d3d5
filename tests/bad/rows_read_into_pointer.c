// ARGS:
// EXIT: 1
// ERROR: rows_read_into_pointer.c:12:17: error: a row read into a pointer variable (assigned to 'r') is not supported: adc cannot tell which array its derivative points into; declare it with its row, `double *ai = a[i];`, in a block that changes neither i nor ai afterwards, or index a[i][j]
// A row of a double ** read into a local pointer that then moves to another row is refused:
// adc follows `double *ai = a[i];` only where neither ai nor i changes afterwards (issue 15).
#include <adc.h>

ADC_DIFF(wrt(a), len(a: n, a[]: 2))
double f(int n, double **a)
{
    double s = 0.0;
    double *r = a[0];
    for (int i = 0; i < n; i++) {
        s += r[1] * r[0];
        r = a[i];
    }
    return s;
}
