// ARGS:
// EXIT: 1
// ERROR: checkpoint_struct_members.c:25:5: error: ADC_CHECKPOINT: the loop writes 's' or through it, a struct whose member 'x' points to floating data, which adc does not snapshot; remove ADC_CHECKPOINT (the loop is then taped in full)
// An ADC_CHECKPOINT loop writing through the pointer members of a struct (a parameter here; a
// local struct of heap blocks alike): the snapshots held the struct's bytes, its pointers, and
// not the arrays they point to, so the replayed steps started from the final state (e2e
// struct_pointer_members with its loop checkpointed: a gradient off by 2e-1 against FD,
// silently). Refused.
#include <adc.h>

typedef struct { int n; double *x, *v; double k; } sys_t;

static void step(sys_t *s, double dt)
{
    for (int i = 0; i < s->n; i++) {
        s->v[i] -= dt * s->k * s->x[i] * s->x[i];
        s->x[i] += dt * s->v[i];
    }
}

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n, s.v: s->n), modes(adjoint))
double run(sys_t *s, int steps)
{
    ADC_CHECKPOINT(2)
    for (int k = 0; k < steps; k++)
        step(s, 0.1);
    return s->x[0];
}
