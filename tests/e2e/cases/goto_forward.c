/* goto as C codes use it: an error exit to a cleanup label at the end of the function, `goto
 * next` to the end of a loop body, a jump out of two nested loops, a label nobody jumps to.
 * Gradient against finite differences and the tangent, on paths that take each jump and paths
 * that do not. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double scan(int n, const double *x, double limit)
{
    double s = 0.0, r = 0.0;
    int hits = 0;
    if (n <= 0)
        goto out;
    for (int i = 0; i < n; i++) {
        if (x[i] < -0.9)
            goto next;                  /* skip this element */
        s += x[i] * x[i];
        if (s > limit)
            goto out;                   /* error exit from inside a loop */
        s += sin(x[i]);
    next:
        hits++;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (x[i] * x[j] > 0.7)
                goto found;             /* out of both loops */
            r += 0.1 * x[i] * x[j];
        }
found:
    s += r * hits;
unused: __attribute__((unused))
    s = s * 1.5;
out:
    return s + 0.25 * r;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double scan_tangent(int n, const double *x, const double *x_d, double limit, double *scan_d);
double scan_adjoint(int n, const double *x, double *x_b, double limit, double scan_b);
double scan_grad(int n, const double *x, double limit, double *x_grad);

enum { N = 6 };

static double primal(const double *x, void *p) {
    return scan(N, x, *(const double *)p);
}
static double grad(const double *x, double *g, void *p) {
    return scan_grad(N, x, *(const double *)p, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return scan_tangent(N, x, v, *(const double *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return scan_adjoint(N, x, xb, *(const double *)p, seed);
}

int main(void) {
    e2e_begin("goto_forward");
    /* skips x[1] and leaves the double loop at (1, 1); runs everything; exits early */
    const double points[3][N] = {{0.3, -0.95, 0.5, -0.2, 0.1, 0.4},
                                 {0.2, -0.3, 0.1, 0.25, -0.4, 0.15},
                                 {0.9, 0.8, -0.7, 0.6, 0.5, 0.4}};
    const double limits[3] = {10.0, 10.0, 1.0}; /* the third exits early */
    const char *labels[3] = {"skip and jump out", "no jump out", "error exit"};
    for (int k = 0; k < 3; k++) {
        double g[N];
        e2e_scalar s = {.label = labels[k], .n = N, .x = points[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint, .ctx = (void *)&limits[k]};
        e2e_run_scalar(&s, g);
    }
    return e2e_finish();
}
#endif
