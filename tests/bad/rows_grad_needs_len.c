// ARGS:
// EXIT: 1
// ERROR: rows_grad_needs_len.c:8:8: error: mode 'grad' needs the length of 'a' and of its rows: add len(a: ..., a[]: ...) to ADC_DIFF
// f_grad zeroes the rows of a double ** gradient: it needs the number of rows and the length
// of each, len(a: n, a[]: m) (issue 15).
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n), modes(grad))
double f(int n, double **a)
{
    return a[0][0] * a[n - 1][1];
}
