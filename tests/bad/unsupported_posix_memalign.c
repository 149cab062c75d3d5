// ARGS:
// EXIT: 1
// ERROR: unsupported_posix_memalign.c:14:5: error: 'posix_memalign' (its block comes back through a pointer to the pointer) is not supported
// posix_memalign hands its block back through a pointer to the pointer: not followed yet (use
// aligned_alloc, which adc differentiates); refused where the block would carry derivatives.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent))
double f(double x)
{
    double *p = 0;
    double r;
    posix_memalign((void **)&p, 64, 2 * sizeof(double));
    p[0] = x * x;
    p[1] = 2.0 * x;
    r = p[0] * p[1];
    free(p);
    return r;
}
