// ARGS:
// EXIT: 1
// ERROR: nr_dmatrix_contiguous.c:25:5: error: a row of 'm' allocated other than once by a loop
// ERROR: nr_dmatrix_contiguous.c:26:5: error: storing a pointer to floating data in an array or through a pointer is not supported
// ERROR: nr_dmatrix_contiguous.c:29:9: error: storing a pointer to floating data in an array or through a pointer is not supported
// Numerical Recipes' dmatrix as the book writes it: one block holds all the elements and the
// row pointers point into it (m[i] = m[i-1] + ncol), each moved by its own offset. adc follows a
// table of rows allocated one by one (e2e heap_row_matrix, also moved by an offset: e2e
// heap_moved_block), not rows pointing into one block: refused. The same matrix allocated by
// the caller and given as `double **a` works (e2e heap_nr_dmatrix_caller: the function only
// indexes it, and its shadow is the caller's dmatrix).
#include <stdlib.h>
#include <adc.h>

#define NR_END 1

double **dmatrix(long nrl, long nrh, long ncl, long nch)
{
    long i, nrow = nrh - nrl + 1, ncol = nch - ncl + 1;
    double **m = (double **)malloc((size_t)((nrow + NR_END) * sizeof(double *)));
    if (!m)
        exit(1);
    m += NR_END;
    m -= nrl;
    m[nrl] = (double *)malloc((size_t)((nrow * ncol + NR_END) * sizeof(double)));
    m[nrl] += NR_END;
    m[nrl] -= ncl;
    for (i = nrl + 1; i <= nrh; i++)
        m[i] = m[i - 1] + ncol;
    return m;
}

ADC_DIFF(wrt(x), len(x: n))
double trace_square(int n, const double *x)
{
    double **a = dmatrix(1, n, 1, n);
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        a[i][i] = x[i - 1];
    for (int i = 1; i <= n; i++)
        s += a[i][i] * a[i][i];
    return s;
}
