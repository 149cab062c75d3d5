// ARGS:
// EXIT: 1
// ERROR: pointer_to_pointer.c:16:13: error: reading 'rows' at a computed index in a condition or a for's header is not supported: adc follows a table of pointers ('rows') initialized with arrays and never written, read by element in statements (double *p = rows[k]; s += rows[k][i]); read the element into a pointer variable first
// A table of pointers read at a computed index in a condition is refused (issue 15): adc reads
// such an element into a pointer variable of its own right before a statement, which a
// condition (evaluated again on every trip) has no place for. Read it into a pointer first.
#include <adc.h>

ADC_DIFF(wrt(u, v), len(u: 2, v: 2))
double f(double *u, double *v)
{
    double w[2] = {1.0, 2.0};
    double *rows[3] = {u, v, w};
    double s = 0.0;
    for (int k = 0; k < 3; k++)
        if (rows[k][0] > 0.5)
            s += rows[k][0] * rows[k][1];
    return s;
}
