// ARGS:
// EXIT: 1
// ERROR: struct_member_free_param.c:26:5: error: freeing 's.x', which points to an array this function did not allocate, is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&s' is only passed to functions
// Freeing the parameter array a member of a local struct points to (the caller's).
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
    s.v = calloc(n, sizeof(double));
    step(&s, 0.1);
    double e = s.x[0];
    free(s.v);
    free(s.x);
    return e;
}
