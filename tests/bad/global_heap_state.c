// ARGS: --include-source
// EXIT: 1
// ERROR-RE: global_heap_state\.c:12:16: error: global variable 'u' would carry derivatives in 'step', and adc gives shadow globals only to floating scalars and arrays of known size
// ERROR-RE: global_heap_state\.c:12:20: error: global variable 'unew' would carry derivatives in 'step', and adc gives shadow globals only to floating scalars and arrays of known size
// State in file-scope pointers malloc'd by an init() the caller runs first, read and written
// by the step through the pointers (copied back, no swap): global pointers get no shadow
// globals (issue 15), so they stay refused; a global array of known size (`static double
// u[64];`) gets shadows `u_d`/`u_b`.
#include <stdlib.h>
#include <adc.h>

static double *u, *unew;
static int N;

void init(int n)
{
    N = n;
    u = calloc((size_t)n, sizeof *u);
    unew = calloc((size_t)n, sizeof *unew);
}

static void step(double k)
{
    for (int i = 1; i < N - 1; i++)
        unew[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
    for (int i = 1; i < N - 1; i++)
        u[i] = unew[i];
}

ADC_DIFF(wrt(k))
double heat(double k)
{
    for (int s = 0; s < 10; s++)
        step(k);
    double e = 0.0;
    for (int i = 0; i < N; i++)
        e += u[i] * u[i];
    return e;
}
