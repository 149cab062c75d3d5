// ARGS:
// EXIT: 1
// ERROR: len_member_not_pointer.c:13:8: error: 'len' names 's.k', which is not a member pointing to floating data of a struct parameter of 'f'
// len(s.m: ...) gives the length of what a struct parameter's member points to.
#include <adc.h>

typedef struct {
    int n;
    double *x, k;
} sys_t;

ADC_DIFF(wrt(s), len(s.x: s->n, s.k: 1))
double f(sys_t *s)
{
    return s->x[0] * s->k;
}
