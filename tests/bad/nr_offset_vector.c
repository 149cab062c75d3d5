// ARGS:
// EXIT: 1
// ERROR: nr_offset_vector.c:23:12: error: function 'dvector' returning a pointer offset from the heap block 'v' it allocated (Numerical Recipes' offset vectors: 'return v - nl + NR_END;', 'free(v + nl - NR_END)') is not supported
// ERROR: nr_offset_vector.c:29:5: error: freeing a pointer offset from the block 'v' points into (Numerical Recipes' offset vectors
// Numerical Recipes' dvector as the book writes it: the block is allocated one element longer
// and returned moved back by nl, so that v[nl..nh] are its elements (here nl = 1), and
// free_dvector frees it moved forward again. adc frees a block and its derivative's through
// the pointer the allocation returned (the caller's, in reverse mode), so it refuses both
// rather than free a pointer that is not a block's start. The zero-offset form (return v;
// free(v), also through the book's (FREE_ARG) cast) works: e2e heap_nr_helpers.
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

#define NR_END 1
#define FREE_ARG char *

double *dvector(long nl, long nh)
{
    double *v = (double *)malloc((size_t)((nh - nl + 1 + NR_END) * sizeof(double)));
    if (!v)
        exit(1);
    return v - nl + NR_END;
}

void free_dvector(double *v, long nl, long nh)
{
    (void)nh;
    free((FREE_ARG)(v + nl - NR_END));
}

ADC_DIFF(wrt(x), len(x: n))
double sum_squares(int n, const double *x)
{
    double *w = dvector(1, n);
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        w[i] = x[i - 1] * x[i - 1];
    for (int i = 1; i <= n; i++)
        s += w[i];
    free_dvector(w, 1, n);
    return s;
}
