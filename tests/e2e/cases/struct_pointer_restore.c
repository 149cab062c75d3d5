/* A requested function of a struct of pointers (len(s: 1)) writes s->f in a loop, affine in x
 * (its own backward sweep reads nothing of s), and is called by another, whose backward sweep
 * then reads the values s->f had before the call: the callee's backward sweep must restore them. It once taped the struct's bytes on entry instead (as for
 * an array parameter written in a loop) and skipped taping the writes, so the caller read the
 * callee's results: a wrong gradient, with no diagnostic. FD and tangent against grad. */
#include <adc.h>

typedef struct {
    int n;
    double *x, *f;
} sys_t;

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n, s.f: s->n), modes(adjoint))
double affine(sys_t *s)
{
    double e = 0.0;
    for (int i = 0; i < s->n; i++) {
        s->f[i] = 3.0 * s->x[i] + 1.0;
        e += s->f[i];
    }
    return e;
}

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n, s.f: s->n), modes(tangent, grad))
double struct_pointer_restore(sys_t *s)
{
    double a = 0.0;
    for (int i = 0; i < s->n; i++)
        a += s->f[i] * s->f[i] * s->x[i];
    return a + affine(s);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_pointer_restore_tangent(sys_t *s, sys_t *s_d, double *struct_pointer_restore_d);
double struct_pointer_restore_grad(sys_t *s, sys_t *s_grad);

enum { N = 3 };

/* Packed as (x[N], f[N]), copied (the function writes f). */
static sys_t *unpack(sys_t *s, double *x, double *f, const double *p) {
    for (int i = 0; i < N; i++) {
        x[i] = p[i];
        f[i] = p[N + i];
    }
    *s = (sys_t){N, x, f};
    return s;
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    sys_t s;
    double x[N], f[N];
    return struct_pointer_restore(unpack(&s, x, f, p));
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    sys_t s, gs;
    double x[N], f[N];
    unpack(&gs, g, g + N, p); /* the gradient arrays are g itself */
    return struct_pointer_restore_grad(unpack(&s, x, f, p), &gs);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    sys_t s, ds;
    double x[N], f[N], dx[N], dfs[N];
    return struct_pointer_restore_tangent(unpack(&s, x, f, p), unpack(&ds, dx, dfs, dp), df);
}

int main(void) {
    e2e_begin("struct_pointer_restore");
    double p[2 * N] = {0.5, -1.2, 0.9, 1.4, -0.3, 0.7};
    e2e_scalar c = {.label = "restore", .n = 2 * N, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    return e2e_finish();
}
#endif
