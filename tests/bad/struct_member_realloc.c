// ARGS:
// EXIT: 1
// ERROR: struct_member_realloc.c:22:11: error: 'realloc' of 's.v' is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&s' is only passed to functions
// A heap member of a local struct grown with realloc: the block may move.
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
    sys_t s = {n, x0, NULL, 2.0};
    s.v = realloc(s.v, n * sizeof(double));
    for (int i = 0; i < n; i++)
        s.v[i] = 0.0;
    step(&s, 0.1);
    double e = s.x[0];
    free(s.v);
    return e;
}
