// ARGS:
// EXIT: 1
// ERROR: grad_struct_member_len.c:15:8: error: mode 'grad' needs the length of what 's.v' points to: add len(s.v: ...) to ADC_DIFF (or ask for modes(tangent, adjoint) and set up the adjoint yourself)
// The gradient wrapper zeroes what the gradient struct's pointer members point to: it needs each
// length. (A struct holding only pointers to other data, const int *counts, needs none.)
#include <adc.h>

typedef struct {
    int n;
    double *x, *v;
    const int *counts;
} sys_t;

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n), modes(tangent, adjoint, grad))
double f(sys_t *s)
{
    double e = 0.0;
    for (int i = 0; i < s->n; i++)
        e += s->x[i] * s->v[i] * s->counts[i];
    return e;
}
