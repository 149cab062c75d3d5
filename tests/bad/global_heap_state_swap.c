// ARGS: --include-source
// EXIT: 1
// ERROR-RE: global_heap_state_swap\.c:28:17: error: a pointer made from 'u', which is not an array \(assigned to 't'\) is not supported
// ERROR-RE: global_heap_state_swap\.c:28:24: error: a pointer made from 'unew', which is not an array \(assigned to 'u'\) is not supported
// State in file-scope pointers malloc'd by an init() the caller runs first, buffers swapped by
// the step (the style of small C simulation codes): adc cannot see where a global pointer set
// outside the function points, and gives global pointers no shadows (issue 15), so the swap
// stays refused: pass the buffers as parameters, or swap local heap pointers.
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
    unew[0] = u[0];
    unew[N - 1] = u[N - 1];
    double *t = u; u = unew; unew = t;
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
