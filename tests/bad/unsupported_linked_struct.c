// ARGS:
// EXIT: 1
// ERROR: unsupported_linked_struct.c:15:33: error: 'n' would carry derivatives in a struct whose field 'next' points to floating data (a linked structure or a buffer); adc differentiates arrays and plain structs: pass that data as a parameter of its own
// ERROR: unsupported_linked_struct.c:18:18: error: 'p' would carry derivatives in a struct whose field 'next'
// A linked list whose values are active is refused (once adc recursed forever over the struct's
// fields; the tangent then walked a mirror list p_d->next while the adjoint offset p_b from n_b).
#include <adc.h>

struct node {
    struct node *next;
    double value;
};

ADC_DIFF(wrt(x, n), len(n: 2))
double f(double x, struct node *n)
{
    double s = 0.0;
    struct node *p = n;
    while (p) {
        s += x * p->value * p->value;
        p = p->next;
    }
    return s;
}
