// ARGS:
// EXIT: 1
// ERROR: hvp_realloc_struct_block.c:28:18: error: modes hvp and hessian do not support growing a block of structs with 'realloc' ('ps', in 'grow' or a function it calls)
// A particle list of structs grown with realloc. First order differentiates it (the forward
// sweep grows the shadow block and clears its new part with a memset of whole structs); second
// order reads that adjoint code back, and the memset of structs is no element store: adc
// failed internally ("in adc's own adjoint code ... cannot differentiate this 'memset'").
// Refused with the rewrite.
#include <stdlib.h>
#include <adc.h>

struct particle {
    double r;
    double v;
    int id;
};

ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double grow(int n, const double *x)
{
    int cap = 1, np = 0;
    struct particle *ps = malloc(cap * sizeof *ps);
    if (!ps)
        return 0.0;
    for (int i = 0; i < n; i++) {
        if (np == cap) {
            cap *= 2;
            ps = realloc(ps, cap * sizeof *ps);
        }
        ps[np].r = x[i];
        ps[np].v = x[i] * x[i];
        ps[np].id = i;
        np++;
    }
    double s = 0.0;
    for (int i = 0; i < np; i++)
        s += ps[i].v * ps[(i + 1) % np].r;
    free(ps);
    return s;
}
