// ARGS: --include-source
// EXIT: 1
// ERROR: global_heap_repoint.c:28:9: error: re-pointing the global pointer 'u' other than to the block of another global pointer is not supported
// ERROR: global_heap_repoint.c:33:5: error: re-pointing the global pointer 'u' other than to the block of another global pointer is not supported
// ERROR: global_heap_repoint.c:34:12: error: re-pointing the global pointer 'unew' other than to the block of another global pointer is not supported
// ERROR: global_heap_repoint.c:40:12: error: re-pointing the global pointer 'unew' other than to the block of another global pointer is not supported
// ERROR: global_heap_repoint.c:45:5: error: freeing 'u', which this function did not allocate, is not supported
// ERROR: global_heap_repoint.c:46:9: error: re-pointing the global pointer 'u' other than to the block of another global pointer is not supported
// State in file-scope heap pointers that an init() the caller runs first mallocs: the
// differentiated code may only swap the blocks of global pointers (their shadows are the
// caller's blocks, which swap with them). A new block, an offset, a block from a local
// allocation, null, or freeing one stays refused.
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

static void regrow(void)
{
    u = malloc((size_t)N * sizeof *u);
}

static void shift(void)
{
    u += 1;
    unew = unew + 1;
}

static void fresh(void)
{
    double *n = calloc((size_t)N, sizeof *n);
    unew = n;
}

static void drop(void)
{
    free(u);
    u = 0;
}

ADC_DIFF(wrt(k), modes(tangent))
double heat(double k)
{
    for (int i = 0; i < N; i++) {
        u[i] = k * u[i];
        unew[i] = u[i];
    }
    regrow();
    shift();
    fresh();
    drop();
    return u[0] + unew[0];
}
