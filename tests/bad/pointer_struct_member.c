// ARGS:
// EXIT: 1
// ERROR: pointer_struct_member.c:30:5: error: re-pointing 's.x' (assigned a second time) is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc) or a pointer parameter the function never moves, and '&s' is only passed to functions
// A member of a local struct re-pointed to a new block after use: its shadow member would have
// to follow it (reverse mode sets it once, where the backward sweep begins). One assigned once
// works (e2e struct_local_heap_members, struct_local_param_members).
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
    sys_t s = {n, NULL, NULL, 2.0};
    s.x = malloc(n * sizeof(double));
    s.v = calloc(n, sizeof(double));
    for (int i = 0; i < n; i++)
        s.x[i] = x0[i];
    step(&s, 0.1);
    free(s.x);
    s.x = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        s.x[i] = 2.0 * s.v[i];
    step(&s, 0.1);
    double e = s.x[0];
    free(s.x);
    free(s.v);
    return e;
}
