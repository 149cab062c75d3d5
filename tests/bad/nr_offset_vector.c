// ARGS:
// EXIT: 1
// ERROR: nr_offset_vector.c:22:12: error: function 'scaled_vector' returning a pointer offset from the heap block 'v' it allocated (Numerical Recipes' 'return v - nl + NR_END;') is not supported in a function adc differentiates on request
// Numerical Recipes' offset vectors (dvector returning `v - nl + NR_END`, free_dvector freeing
// `v + nl - NR_END`) work in helpers (e2e heap_nr_offset_vectors): the shadow is returned and
// freed at the same offset. A function differentiated on request that returns one is refused:
// its f_adjoint takes the seed of each of len(return: n) elements and copies the block from its
// first element, which is not v[nl].
#include <stdlib.h>
#include <adc.h>

#define NR_END 1

ADC_DIFF(wrt(x), len(x: n, return: n))
double *scaled_vector(int n, const double *x, long nl)
{
    double *v = (double *)malloc((size_t)((n + NR_END) * sizeof(double)));
    if (!v)
        exit(1);
    for (int i = 0; i < n; i++)
        v[i + NR_END] = 2.0 * x[i];
    return v - nl + NR_END;
}
