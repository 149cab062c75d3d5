// ARGS:
// EXIT: 1
// ERROR: unsupported_posix_memalign.c:15:9: error: 'posix_memalign' whose status is used (its block comes back through a pointer to the pointer) is not supported
// posix_memalign(&p, ...) as a statement is an allocation adc follows (e2e heap_posix_memalign);
// with its status read, it stays refused where the block would carry derivatives.
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent))
double f(double x)
{
    double *p = 0;
    double r;
    if (posix_memalign((void **)&p, 64, 2 * sizeof(double)) != 0)
        return NAN;
    p[0] = x * x;
    p[1] = 2.0 * x;
    r = p[0] * p[1];
    free(p);
    return r;
}
