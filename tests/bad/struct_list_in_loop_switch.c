// ARGS:
// EXIT: 1
// ERROR: struct_list_in_loop_switch.c:23:26: error: swapping 's.y' between arrays other than heap blocks is not supported
// A local struct declared by a list inside a loop body is followed when each pass gives each
// pointer member the same array that stays in place (e2e struct_list_in_loop): the member then
// holds one array whenever it holds one. Here the passes give s.y the parameter y or the local
// array w in turn, the member switched between arrays other than heap blocks: refused.
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    double *y;
} sys_t;

static double reads(const sys_t *t) { return t->y[0] * t->x[1]; }

ADC_DIFF(wrt(x, y), len(x: n, y: 2), modes(grad, hvp))
double f(int n, const double *x, double *y)
{
    double w[2] = {x[0], x[1]}, acc = 0.0;
    for (int k = 0; k < 3; k++) {
        sys_t s = {n, x, k % 2 ? y : w};
        acc += reads(&s);
    }
    return acc;
}
