// ARGS:
// EXIT: 1
// ERROR: pointer_struct_member.c:22:11: error: 's', a local struct whose member 'x' points to floating data is not supported: adc cannot tell which array its derivative points into; pass the struct in as a parameter (its shadow is a struct of the same type)
// A local struct whose members point at the state arrays is refused: its shadow struct would have
// to be built in each sweep. As a parameter it works (e2e struct_pointer_members).
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
