/* A struct of pointers passed by value, written through its pointer member (s.x[0] = ...),
 * which changes the caller's array but not the struct: the adjoint once set its adjoint aside
 * as a scalar's ((*s_b) = 0.0: a file that did not compile). The shadow (*s_b) is the same
 * struct, its x pointing to the adjoint array. FD and tangent against grad (dot product). */
#include <adc.h>

typedef struct {
    int n;
    double *x;
    double k;
} sys_t;

static double g(sys_t s)
{
    double e = 0.0;
    for (int i = 0; i < s.n; i++)
        e += s.k * s.x[i] * s.x[i];
    return e;
}

ADC_DIFF(wrt(s), len(s.x: s.n))
double struct_pointer_by_value(sys_t s)
{
    s.x[0] = s.x[0] * s.k;
    return g(s) + s.k * s.x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_pointer_by_value_tangent(sys_t s, sys_t s_d, double *struct_pointer_by_value_d);
double struct_pointer_by_value_grad(sys_t s, sys_t *s_grad);

enum { N = 3 };

/* Packed as (x[N], k); x is copied (the function writes x[0]). */
static sys_t unpack(double *x, const double *p) {
    for (int i = 0; i < N; i++)
        x[i] = p[i];
    return (sys_t){N, x, p[N]};
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    double x[N];
    return struct_pointer_by_value(unpack(x, p));
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    double x[N], gx[N] = {1e30, 1e30, 1e30};
    sys_t s_grad = {0, gx, 1e30};
    double f = struct_pointer_by_value_grad(unpack(x, p), &s_grad);
    for (int i = 0; i < N; i++)
        g[i] = gx[i];
    g[N] = s_grad.k;
    return f;
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double x[N], dx[N];
    return struct_pointer_by_value_tangent(unpack(x, p), unpack(dx, dp), df);
}

int main(void) {
    e2e_begin("struct_pointer_by_value");
    double p[N + 1] = {0.6, -1.1, 0.8, 1.7};
    e2e_scalar c = {.label = "by value", .n = N + 1, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    return e2e_finish();
}
#endif
