// ARGS:
// EXIT: 1
// ERROR: hvp_struct_member_len.c:14:8: error: mode 'hvp' needs the length of what 'q.v' points to: add len(q.v: ...) to ADC_DIFF
// The hvp wrapper gives the scratch adjoint of a struct its own blocks for what its members
// point to: it needs their lengths.
#include <adc.h>

struct vec {
    int n;
    double *v;
};

ADC_DIFF(wrt(q), len(q: 1), modes(hvp))
double f(const struct vec *q)
{
    return q->v[0] * q->v[q->n - 1];
}
