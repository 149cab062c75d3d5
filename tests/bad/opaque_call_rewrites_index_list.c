// ARGS:
// EXIT: 1
// ERROR: opaque_call_rewrites_index_list.c:20:5: error: in reverse mode, 'qsort' may rewrite the integers 'idx' points to, which the backward sweep reads, and adc cannot undo its writes; give it a copy of them
// qsort reorders an index list between two loops that index active data through it: the
// backward sweep of the first loop would read the sorted list (a wrong gradient, no
// diagnostic, before this refusal). A call adc sees into is taped and undone; a sort before
// every use of the list is fine.
#include <math.h>
#include <stdlib.h>
#include <adc.h>

int by_value_desc(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double f(int n, const double *x, int *idx)
{
    double s = 0.0;
    for (int k = 0; k < n; k++)
        s += sin(x[idx[k]]) * x[k];
    qsort(idx, n, sizeof(int), by_value_desc);
    for (int k = 0; k < n; k++)
        s += sin(x[idx[k]]) * s;
    return s;
}
