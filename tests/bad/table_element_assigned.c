// ARGS:
// EXIT: 1
// ERROR: table_element_assigned.c:21:9: error: assigning an element of 'bufs' is not supported: adc follows a table of pointers ('bufs') initialized with arrays and never written, read by element in statements (double *p = bufs[k]; s += bufs[k][i]); swap pointer variables instead (t = a; a = b; b = t;)
// Buffers swapped through the elements of a table of pointers are refused (issue 15): reverse
// mode would have to restore the table. Swap two pointer variables instead (t = a; a = b;
// b = t;), which adc follows.
#include <adc.h>

ADC_DIFF(wrt(u), len(u: 4))
double f(const double *u)
{
    double a[4], b[4];
    for (int i = 0; i < 4; i++)
        a[i] = u[i];
    double *bufs[2] = {a, b};
    for (int step = 0; step < 3; step++) {
        double *cur = bufs[0], *next = bufs[1];
        for (int i = 0; i < 4; i++)
            next[i] = cur[i] * cur[(i + 1) % 4];
        double *t = bufs[0];
        bufs[0] = bufs[1];
        bufs[1] = t;
    }
    return a[0] + b[1];
}
