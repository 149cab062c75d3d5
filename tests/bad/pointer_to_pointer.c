// ARGS:
// EXIT: 1
// ERROR: pointer_to_pointer.c:16:14: error: reading 'rows' at a computed index other than into a pointer variable is not supported: adc follows a table of pointers ('rows') only when it is initialized with arrays and then read at a constant index or into a pointer variable (double *p = rows[k])
// A table of pointers read at a computed index other than into a pointer variable
// (rows[k][0]) is refused (issue 15): adc follows `double *row = rows[k];` (a pointer switched
// between the arrays) and constant indices (rows[1][0]).
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
