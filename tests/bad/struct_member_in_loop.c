// ARGS:
// EXIT: 1
// ERROR: struct_member_in_loop.c:27:9: error: re-pointing 's.x' (assigned in a loop) is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc) or a pointer parameter the function never moves, and '&s' is only passed to functions
// ERROR: struct_member_in_loop.c:28:9: error: re-pointing 's.v' (assigned in a loop) is not supported: adc follows a member of a local struct pointing to floating data only when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc) or a pointer parameter the function never moves, and '&s' is only passed to functions
// Members of a local struct allocated in a loop: each trip re-points them.
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
    sys_t s;
    s.n = n;
    s.mass = 2.0;
    double e = 0.0;
    for (int k = 0; k < 3; k++) {
        s.x = malloc(n * sizeof(double));
        s.v = calloc(n, sizeof(double));
        for (int i = 0; i < n; i++)
            s.x[i] = x0[i] * k;
        step(&s, 0.1);
        e += s.x[0];
        free(s.x);
        free(s.v);
    }
    return e;
}
