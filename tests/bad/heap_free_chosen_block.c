// ARGS:
// EXIT: 1
// ERROR: heap_free_chosen_block.c:19:5: error: 'free' of a block chosen by an expression (its shadow would not be freed with it) is not supported: adc cannot tell which array its derivative points into; free each pointer variable by name: if (c) free(u); else free(v);
// ERROR: heap_free_chosen_block.c:20:5: error: 'free' of a block chosen by an expression
// A heap block freed through a ?: would leave its shadow allocated (tangent) and be freed a
// second time where the backward sweep reverses its allocation: refused.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, int odd)
{
    double *u = malloc(2 * sizeof(double));
    double *v = malloc(2 * sizeof(double));
    u[0] = x;
    v[0] = x * x;
    u[1] = v[0] * u[0];
    double r = u[1];
    free(odd ? v : u);
    free(odd ? u : v);
    return r;
}
