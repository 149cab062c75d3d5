// ARGS:
// EXIT: 1
// ERROR: len_rows_not_rows.c:7:8: error: 'len' names 'x[]', which is not a row-pointer (T **) parameter of 'f'
// len(x[]: ...) gives the row length of a double ** parameter only.
#include <adc.h>
ADC_DIFF(wrt(x), len(x[]: 2))
double f(int n, double *x)
{
    return x[0] * n;
}
