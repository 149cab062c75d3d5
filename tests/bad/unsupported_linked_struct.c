// ARGS:
// EXIT: 1
// ERROR: unsupported_linked_struct.c:15:33: error: 'n', a struct whose member 'next' points to floating data is not supported: adc cannot tell which array its derivative points into; pass the arrays it points to as parameters of their own
// ERROR: unsupported_linked_struct.c:18:18: error: 'p', a struct whose member 'next' points to floating data is not supported
// A linked list holding floating values is refused (once adc recursed forever over the struct's
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
