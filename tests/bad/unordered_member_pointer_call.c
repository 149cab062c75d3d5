// ARGS:
// EXIT: 1
// ERROR: unordered_member_pointer_call.c:22:23: error: 'step' writes through its argument 's', which the same expression also reads through 'x', in an order C leaves unspecified; call it in a statement of its own
// A helper that updates the array a struct member points to, called in an expression that
// reads the array through a copy of the member: gcc calls step first (f = 1.19 at
// x = (0.7, 0.3)), clang reads x[0] first (f = 0.19), and adc's derivative code called step
// first: f_tangent's value was gcc's, silently, under clang. The same array reached by its own
// name is unordered_pointer_call.
#include <adc.h>

typedef struct { int n; double *x; } State;

static double step(State *s) {
    s->x[0] = 2.0 * s->x[0] + s->x[1];
    return s->x[0] * s->x[1];
}
static double diff(double a, double b) { return a - b; }

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n), modes(tangent, adjoint))
double f(State *s) {
    double *x = s->x;
    return diff(x[0], step(s));
}
