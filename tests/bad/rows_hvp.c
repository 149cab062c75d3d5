// ARGS:
// EXIT: 1
// ERROR: rows_hvp.c:8:26: error: mode 'hessian' does not support a pointer to rows ('a'); ask for hvp and apply it to unit directions
// The dense Hessian's wrapper seeds unit directions of one flat array: a double ** parameter,
// which hvp takes (its directions are rows), is refused for hessian.
#include <adc.h>
ADC_DIFF(wrt(a), len(a: n, a[]: 2), modes(hessian))
double f(int n, double **a)
{
    return a[0][0] * a[n - 1][1];
}
