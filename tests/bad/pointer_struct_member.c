// ARGS:
// EXIT: 1
// ERROR: pointer_struct_member.c:21:11: error: 's', a struct whose member 'x' points to floating data is not supported
// A struct whose members point at the state arrays is refused: only its floating members could get derivatives.
#include <adc.h>

typedef struct { int n; double *x, *v, *f; double mass; } sys_t;

static void step(sys_t *s, double dt)
{
    for (int i = 0; i < s->n; i++) {
        s->f[i] = -s->x[i];
        s->v[i] += dt * s->f[i] / s->mass;
        s->x[i] += dt * s->v[i];
    }
}

ADC_DIFF(wrt(x, v), len(x: n, v: n))
double f(int n, double *x, double *v, double *f, double mass)
{
    sys_t s = {n, x, v, f, mass};
    step(&s, 0.1);
    return x[0] + v[0];
}
