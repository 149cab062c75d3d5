// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_realloc_helper_block.c:23:9: error: 'realloc' of 'w', which holds a block a function returned is not supported
// A block from a helper is freed by the helper's backward sweep, which reads the pointer it
// returned; grown here by realloc, that pointer is gone and the block would be freed twice:
// refused. Copy the elements into a block of this function's own and grow that one.
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static double *dvector(long nl, long nh)
{
    double *v = (double *)malloc((size_t)((nh - nl + 1) * sizeof(double)));
    return v;
}

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double *w = dvector(0, n - 1);
    for (int i = 0; i < n; i++)
        w[i] = sin(x[i]);
    w = realloc(w, 2 * n * sizeof(double));
    for (int i = 0; i < n; i++)
        w[n + i] = w[i] * x[i];
    double s = 0.0;
    for (int i = 0; i < 2 * n; i++)
        s += w[i] * w[(i + 1) % (2 * n)];
    free(w);
    return s;
}
