// ARGS:
// EXIT: 1
// ERROR: heap_pointer_walk_reverse.c:17:19: error: in reverse mode an active pointer must always point into the same parameter or local array
// A pointer walking a heap block (p = h; p++) in reverse mode: after the swap change (a local
// pointer given only heap pointers is a heap pointer) it was taken for one, its shadow was
// taped but never moved with it, and every trip's adjoint went to h_b[0] (difftest seed 6997:
// dot-product test 8.9 % off; here df/dadj 1 against 1.18). Refused again, as before.
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(a, x), len(x: 1), modes(tangent, adjoint))
double f(double a, const double *x)
{
    double v = a;
    double *h = calloc(3, sizeof *h);
    h[1] = x[0] * a;
    const double *p = h;
    while (p < h + 3) {
        v += *p * 0.5;
        p += 1;
    }
    free(h);
    return v;
}
