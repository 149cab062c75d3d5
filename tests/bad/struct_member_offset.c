// ARGS:
// EXIT: 1
// ERROR: struct_member_offset.c:21:23: error: assigning 's.x' other than a new heap block, a local array or a pointer parameter is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&s' is only passed to functions
// A member of a local struct pointing into a parameter at an offset.
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
    sys_t s = {n - 1, x0 + 1, NULL, 2.0};
    s.v = calloc(n, sizeof(double));
    step(&s, 0.1);
    double e = s.x[0];
    free(s.v);
    return e;
}
