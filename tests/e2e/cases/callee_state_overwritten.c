/* A caller overwrites, between two calls, the arrays its callees' backward sweeps read: the
 * const storage from which a callee's top-level locals are recomputed where its backward sweep
 * begins (recompute.c), and local arrays passed back and forth to a helper whose output
 * parameter its backward sweep never reads (param_reads.c: the caller keeps nothing of the
 * array passed there, but must keep it where it is passed as the input). Each callee's
 * backward sweep must see the values of its own call. Gradient against finite differences and
 * the tangent (dot-product test), adjoint seeding. */
#include <math.h>
#include <adc.h>

static double response(const double *par, double x)
{
    double d = par[0];
    double e = d * 0.5 + par[1];
    return sin(d * x) * x + e * x * x;
}

static void step(double *out, const double *in, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = 2.0 * in[i] + in[i] * in[(i + 1) % n];
}

ADC_DIFF(wrt(x), len(x: 4))
double callee_state_overwritten(const double *x)
{
    double par[2] = {x[0], x[1]};
    double s = response(par, x[2]);
    par[0] = x[3] * x[3];
    par[1] = -3.0;
    s += response(par, x[2]);
    double a[4], b[4];
    for (int i = 0; i < 4; i++)
        a[i] = 0.5 * x[i];
    step(b, a, 4);
    step(a, b, 4);
    step(b, a, 4);
    for (int i = 0; i < 4; i++)
        a[i] = sin(b[i]);
    step(b, a, 4);
    for (int i = 0; i < 4; i++)
        s += 0.01 * b[i] * b[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double callee_state_overwritten_tangent(const double *x, const double *x_d, double *callee_state_overwritten_d);
double callee_state_overwritten_adjoint(const double *x, double *x_b, double callee_state_overwritten_b);
double callee_state_overwritten_grad(const double *x, double *x_grad);

static double primal(const double *w, void *c) { (void)c; return callee_state_overwritten(w); }
static double grad(const double *w, double *g, void *c) { (void)c; return callee_state_overwritten_grad(w, g); }
static double tangent(const double *w, const double *v, double *dv, void *c) {
    (void)c;
    return callee_state_overwritten_tangent(w, v, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *c) {
    (void)c;
    return callee_state_overwritten_adjoint(w, wb, seed);
}

int main(void) {
    e2e_begin("callee_state_overwritten");
    const double points[2][4] = {{0.3, -0.2, 0.7, 0.1}, {1.1, 0.4, -0.6, 0.8}};
    for (int p = 0; p < 2; p++) {
        e2e_scalar s = {.label = p ? "second point" : "first point", .n = 4, .x = points[p], .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
