// ARGS:
// EXIT: 1
// ERROR: rows_allocated_per_step.c:18:13: error: a row of 'a' allocated other than once by a loop `for (i = ...; ...; i++) a[i] = malloc(...);` outside other loops is not supported: adc cannot tell which array its derivative points into; allocate the rows in such a loop
// Rows of a heap row-pointer matrix allocated inside another loop (a new matrix every step)
// are refused (issue 15): reverse mode frees each row where it reverses the row's allocation,
// reading a[i] there, which a later allocation of the same row would have changed. Allocate
// the rows once, before the loop.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double **a = malloc((size_t)n * sizeof *a);
    double s = 0.0;
    for (int step = 0; step < 3; step++) {
        for (int i = 0; i < n; i++)
            a[i] = malloc((size_t)n * sizeof **a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++)
                a[i][j] = x[i] * x[j] + s;
            s += a[i][i];
        }
        for (int i = 0; i < n; i++)
            free(a[i]);
    }
    free(a);
    return s;
}
