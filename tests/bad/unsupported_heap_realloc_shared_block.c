// ARGS:
// EXIT: 1
// ERROR: unsupported_heap_realloc_shared_block.c:19:9: error: 'realloc' of 'p', which holds a block another heap pointer also holds is not supported
// After `p = q;` both pointers hold one block, freed where q's allocation is reversed; a
// realloc through p would leave q's old address to be freed there a second time: refused.
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double *q = malloc(n * sizeof(double));
    double *p = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        q[i] = sin(x[i]);
    free(p);
    p = q;
    p = realloc(p, 2 * n * sizeof(double));
    for (int i = 0; i < n; i++)
        p[n + i] = p[i] * x[i];
    double s = 0.0;
    for (int i = 0; i < 2 * n; i++)
        s += p[i] * p[(i + 1) % (2 * n)];
    free(p);
    return s;
}
