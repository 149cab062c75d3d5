// ARGS:
// EXIT: 1
// ERROR: pointer_from_member_reverse.c:16:26: error: in reverse mode, a pointer read from a struct member (assigned to 'x') is not supported; index through the member itself (s->x[i])
// A pointer copied from a struct member: tangent mode follows it (x_d = s_d->x), but the backward
// sweep finds a pointer's adjoint from the array it points into, which a member is not.
#include <adc.h>

typedef struct {
    int n;
    double *x;
} sys_t;

ADC_DIFF(wrt(s), len(s.x: s->n), modes(adjoint))
double f(const sys_t *s)
{
    const double *x = s->x;
    double e = 0.0;
    for (int i = 0; i < s->n; i++)
        e += x[i] * x[i];
    return e;
}
