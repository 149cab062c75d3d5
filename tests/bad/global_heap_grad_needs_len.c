// ARGS: --include-source
// EXIT: 1
// ERROR: global_heap_grad_needs_len.c:20:8: error: mode 'grad' of 'scale' clears 'u_b', the shadow of the global pointer 'u', and needs the length of its block: add len(u: ...) to ADC_DIFF
// f_grad clears the shadows of every active global (global_heap_hvp_needs_len.c: the same for f_hvp): the shadow
// block of a global pointer (`static double *u;` that an init() the caller runs first mallocs)
// needs the block's length, len(u: N). f_tangent and f_adjoint do not (the caller seeds u_d, u_b).
#include <stdlib.h>
#include <adc.h>

static double *u;
static int N;

void init(int n)
{
    N = n;
    u = calloc((size_t)n, sizeof *u);
}

ADC_DIFF(wrt(k), modes(tangent, adjoint, grad))
double scale(double k)
{
    double e = 0.0;
    for (int i = 0; i < N; i++) {
        u[i] = k * u[i];
        e += u[i];
    }
    return e;
}
