/* README entry 56: seed 2001778 reduced by hand. energy() reads y through s.y, then s.y[0] is
 * written, and a loop writes y (taped whole on entry): the write through the member was not
 * taped, and energy's backward sweep read the new y[0] (dot-product test off, silently). */
#include <math.h>
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static double energy(const sys_t *s, double q) {
    double e = q * s->c;
    for (int k = 0; k < s->m; k++)
        e += s->x[k % s->n] * s->y[k] * s->y[k];
    return e;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, adjoint, grad, jacobian))
double f(double a, int n, const double *x, int m, double *y) {
    sys_t s = {n, x, m, y, a};
    double e = energy(&s, x[0]);
    s.y[0] = 0.25 * x[n - 1];
    for (int k = 0; k < m; k++)
        y[k] = 0.5 * y[k] + e * a;
    return e * y[m - 1] + y[0];
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 2001778u
#define DT_NX 2
#define DT_NY 3
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 1
#define DT_HESS 0
#include "harness.h"
#endif
