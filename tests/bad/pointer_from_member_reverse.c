// ARGS:
// EXIT: 1
// ERROR: pointer_from_member_reverse.c:17:23: error: in reverse mode, a pointer read from a struct member (assigned to 'x') is supported only from a member of a struct parameter the function never assigns, without '?:'; index through the member itself (s->x[i])
// A pointer chosen by ?: between two members: tangent mode follows it (x_d = s_d->...), but
// the backward sweep finds a pointer's adjoint from the one member it points into (a plain
// `const double *x = s->x;` is supported: e2e struct_member_pointers_reverse).
#include <adc.h>

typedef struct {
    int n;
    double *x, *v;
} sys_t;

ADC_DIFF(wrt(s), len(s.x: s->n, s.v: s->n), modes(adjoint))
double f(const sys_t *s, int which)
{
    const double *x = which ? s->x : s->v;
    double e = 0.0;
    for (int i = 0; i < s->n; i++)
        e += x[i] * x[i];
    return e;
}
