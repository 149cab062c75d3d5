/* Pointers into active data: a local row pointer (const double *row = x + i*n) indexed with computed subscripts, a pointer walking the diagonal (p += n + 1) until an end pointer, dereference *p, and a pointer into a local array updated through *q and q[1]. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n * n))
double pointer_walk(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        const double *row = x + i * n;
        double r = 0.0;
        for (int j = 0; j < n; j++)
            r += row[j] * row[(j + i) % n];
        s += r * r;
    }
    const double *p = x;
    const double *end = x + n * n;
    double t = 0.0;
    while (p < end) {
        t += *p * cos(*p);
        p += n + 1;
    }
    double buf[4] = {x[0], x[1], x[2], x[3]};
    double *q = buf + 1;
    *q *= x[n];
    q[1] += *q;
    q++;
    *q = *q * *q;
    return s + t + buf[0] * buf[1] + buf[2] - buf[3];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_walk_tangent(int n, const double *x, const double *x_d, double *pointer_walk_d);
double pointer_walk_adjoint(int n, const double *x, double *x_b, double pointer_walk_b);
double pointer_walk_grad(int n, const double *x, double *x_grad);

#define N 4
static double primal(const double *x, void *p) {
    (void)p;
    return pointer_walk(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_walk_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_walk_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_walk_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("pointer_walk");
    double x[N * N];
    e2e_fill(x, N * N, 41u, -1.2, 1.2);
    e2e_scalar s = {.label = "4x4", .n = N * N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
