// ARGS:
// EXIT: 1
// ERROR: pointer_from_integer.c:16:13: error: a pointer to floating data made from an integer (an address computed as a number) is not supported: adc cannot tell which array its derivative points into; index the array instead
// ERROR: pointer_from_integer.c:31:13: error: a pointer to floating data made from an integer
// An address computed as a number and turned back into a pointer (element addressing
// through uintptr_t, as allocators and SIMD codes write it): the derivative cannot follow the
// number, and f_tangent lost it silently (d/dv[1] of v[1] * v[1] was v[1] instead of 2 v[1])
// before this was refused. A null pointer constant, (double *)0, is fine; so is reading an
// address as a number (an alignment test).
#include <stdint.h>
#include <adc.h>

static double element(const double *v, int k)
{
    uintptr_t addr = (uintptr_t)v + (uintptr_t)k * sizeof(double);
    return *(const double *)addr;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent))
double f(const double *x)
{
    double v[2] = {x[0], x[1]};
    const double *none = (const double *)0;
    int aligned = ((uintptr_t)x & 7u) == 0;
    return element(v, 1) * v[1] + (none ? 1.0 : 0.0) + aligned;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent))
double g(const double *x)
{
    return *(const double *)(const void *)((uintptr_t)x + sizeof(double)) * x[0];
}
