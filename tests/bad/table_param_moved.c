// ARGS:
// EXIT: 1
// ERROR: table_param_moved.c:10:13: error: 'bufs', a table of pointers to floating data other than one initialized with arrays the function does not move and never written is not supported: adc cannot tell which array its derivative points into; initialize it with the arrays (double *bufs[2] = {u, v};) and swap pointer variables, not its elements
// A table of pointers holding a parameter the function then moves (u++) is refused (issue
// 15): the table keeps the pointer as it was, which adc would read as the moved one.
#include <adc.h>
ADC_DIFF(wrt(u, v), len(u: 4, v: 4))
double f(double *u, double *v)
{
    double *bufs[2] = {u, v};
    u++;
    double *p = bufs[0];
    return p[0] * u[0] + v[1];
}
