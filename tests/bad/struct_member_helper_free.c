// ARGS:
// EXIT: 1
// ERROR: struct_member_helper_free.c:14:5: error: freeing 's->x', a block held by a struct given by pointer, is not supported
// ERROR: struct_member_helper_free.c:15:5: error: freeing 's->v', a block held by a struct given by pointer, is not supported
// A helper given the local struct frees its members: the shadow blocks would be left (tangent)
// or freed twice (reverse, where the backward sweep frees each block with its shadow).
#include <stdlib.h>
#include <adc.h>

typedef struct { int n; double *x, *v; double mass; } sys_t;

static void release(sys_t *s)
{
    free(s->x);
    free(s->v);
}

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
    sys_t s = {n, NULL, NULL, 2.0};
    s.x = malloc(n * sizeof(double));
    s.v = calloc(n, sizeof(double));
    for (int i = 0; i < n; i++)
        s.x[i] = x0[i];
    step(&s, 0.1);
    double e = s.x[0];
    release(&s);
    return e;
}
