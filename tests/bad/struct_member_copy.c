// ARGS:
// EXIT: 1
// ERROR: struct_member_copy.c:23:5: error: assigning 't' a whole struct is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&t' is only passed to functions
// A local struct with pointer members copied whole into another: two structs, one set of arrays.
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
    sys_t s = {n, x0, NULL, 2.0}, t;
    s.v = calloc(n, sizeof(double));
    t = s;
    step(&t, 0.1);
    double e = s.x[0];
    free(s.v);
    return e;
}
