// ARGS:
// EXIT: 1
// ERROR: rows_hvp_len.c:8:8: error: mode 'hvp' needs the length of 'a' and of its rows: add len(a: ..., a[]: ...) to ADC_DIFF
// The hvp wrapper builds the scratch adjoint and the direction's copy as rows: it needs both
// lengths.
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n), modes(hvp))
double f(int n, double **a)
{
    return a[0][0] * a[n - 1][1];
}
