/* Pointers that move inside loops: a helper that walks its output and input arrays backwards
 * from their last element (y += n - 1, z = &z[n - 1], y--, z -= 1) with a local copy of one,
 * a helper that steps through rows (A += 2), called with a local array and with a parameter,
 * and a parameter moved by different amounts in the two branches of an if, then in a loop.
 * Checked against finite differences and tangent against adjoint (dot product). */
#include <math.h>
#include <adc.h>
static void back(int n, double *y, const double *z)
{
    y += n - 1;
    z = &z[n - 1];
    for (int i = 0; i < n; i++) {
        const double *w = z;
        *y -= 0.5 * w[0] * y[0];
        y--;
        z -= 1;
    }
}
static double rows(int m, const double *A)
{
    double s = 0.0;
    for (int i = 0; i < m; i++) {
        const double *r = A;
        s += r[0] * r[1];
        A += 2;
    }
    return s;
}
ADC_DIFF(wrt(x), len(x: n))
double pointer_moves_loops(int n, const double *x)
{
    (void)n;
    double y[6], z[6];
    for (int i = 0; i < 6; i++) {
        y[i] = x[i] * x[i];
        z[i] = cos(x[i]);
    }
    back(6, y, z);
    double s = rows(3, y) + rows(2, x + 1);
    if (s > 0.0)
        x++;
    else
        x += 2;
    for (int k = 0; k < 2; k++) {
        s += x[0] * s;
        x++;
    }
    return s;
}
#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_moves_loops_tangent(int n, const double *x, const double *x_d, double *r_d);
double pointer_moves_loops_adjoint(int n, const double *x, double *x_b, double r_b);
double pointer_moves_loops_grad(int n, const double *x, double *x_grad);
#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return pointer_moves_loops(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_moves_loops_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_moves_loops_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_moves_loops_adjoint(N, x, xb, seed);
}
int main(void) {
    e2e_begin("pointer_moves_loops");
    double x[N];
    e2e_fill(x, N, 7u, -1.0, 1.0);
    e2e_scalar s = {.label = "pointer_moves_loops", .n = N, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
