// ARGS:
// EXIT: 1
// ERROR: struct_member_local_array.c:22:23: error: assigning 's.v' other than a new heap block or a pointer parameter is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc) or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&s' is only passed to functions
// A member of a local struct pointing to a local array: in reverse mode each sweep has its own.
#include <stdlib.h>
#include <adc.h>

typedef struct { int n; double *x, *v; double mass; } sys_t;

static void step(sys_t *s, double dt)
{
    for (int i = 0; i < s->n; i++) {
        s->v[i] -= dt * s->x[i] / s->mass;
        s->x[i] += dt * s->v[i];
    }
}

ADC_DIFF(wrt(x0), len(x0: n))
double f(int n, double *x0)
{
    double v[8] = {0};
    sys_t s = {n, x0, v, 2.0};
    step(&s, 0.1);
    return s.x[0];
}
