#include <adc.h>
typedef struct { int n; const double *x; int m; double *y; double c; } sys_t;
static void h0(sys_t *s, double q) {
    for (int k = 0; k < s->m; k++)
        s->y[k] = s->y[k] * q + s->x[k % s->n] * s->c;
}
static double f(double a, int n, const double *x, int m, double *y) {
    sys_t s = {n, x, m, y, a};
    h0(&s, a);
    return y[0] * y[1];
}
ADC_DIFF(wrt(p), len(p: 4), modes(hessian), vector(2))
double fh(const double *p) {
    double y[2] = {p[2], p[3]};
    return f(p[0], 1, p + 1, 2, y);
}
