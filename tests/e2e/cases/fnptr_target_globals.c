/* Targets of a call through a function pointer that read and write active globals: `energy`
 * reads `scale`, which the caller sets from the input before the call, and writes `last`, which
 * the caller reads after it. Silently wrong before (long-run difftest seed 2004298, README
 * entry 63): the dispatch function a call through a pointer becomes (lower_fnptr.c) belonged
 * to no program, so the analyses found no active global reached through it; the call was
 * differentiated as if constant (tangent 1 where 2.4 is right, in a two-line reproducer) and
 * the write to `last` was lost. Checked against finite differences, the
 * dot-product test, the adjoint's increments, hvp against finite differences of the gradient,
 * and the globals as on entry after grad. */
#include <math.h>
#include <adc.h>

double scale, last;

double energy(double a, double b) {
    last = a * scale;
    return a * sin(b) + scale * scale * a;
}

double other(double a, double b) { return a + b * scale; }

/* Called with constants: only the globals its targets read make the calls active. */
static double apply(double (*term)(double, double), double a, double b) {
    double first = term(a, b);
    return first + 0.5 * term(b, a);
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double fnptr_target_globals(const double *x, int pick) {
    scale = x[0] * x[1] + x[2];
    double (*term)(double, double) = pick ? energy : other;
    double s = apply(term, 1.5, 0.5);
    return s + last * x[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fnptr_target_globals_tangent(const double *x, const double *x_d, int pick, double *fnptr_target_globals_d);
double fnptr_target_globals_adjoint(const double *x, double *x_b, int pick, double fnptr_target_globals_b);
double fnptr_target_globals_grad(const double *x, int pick, double *x_grad);
int fnptr_target_globals_hvp(const double *x, const double *x_v, double *x_hv, int pick);

#define N 3
static double primal(const double *x, void *p) {
    return fnptr_target_globals(x, *(int *)p);
}
static double grad(const double *x, double *g, void *p) {
    return fnptr_target_globals_grad(x, *(int *)p, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return fnptr_target_globals_tangent(x, v, *(int *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return fnptr_target_globals_adjoint(x, xb, *(int *)p, seed);
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

int main(void) {
    e2e_begin("fnptr_target_globals");
    double x[N] = {0.7, -0.4, 1.1}, g[N], v[N] = {0.3, -0.9, 0.5}, hv[N];
    for (int pick = 0; pick < 2; pick++) {
        const char *label = pick ? "energy" : "other";
        last = 0.25;
        e2e_scalar s = {.label = label, .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .ctx = &pick};
        e2e_run_scalar(&s, g);
        /* closed form: with s = x0 x1 + x2, energy gives f = C + 1.75 s^2 + 0.5 s x0 (last = 0.5 s
         * after the second call), other f = 1.75 + 1.25 s + 0.25 x0 (last as set above) */
        double sc = x[0] * x[1] + x[2];
        double want[2][N] = {{1.25 * x[1] + 0.25, 1.25 * x[0], 1.25},
                             {3.5 * sc * x[1] + 0.5 * (x[0] * x[1] + sc), 3.5 * sc * x[0] + 0.5 * x[0] * x[0],
                              3.5 * sc + 0.5 * x[0]}};
        e2e_expect_close(label, "grad vs closed form", g, want[pick], N, E2E_CLOSED_TOL);
        double before[2] = {scale, last}, after[2];
        grad(x, g, &pick);
        after[0] = scale;
        after[1] = last;
        e2e_expect_close(label, "globals as on entry after grad", after, before, 2, 0.0);
        fnptr_target_globals_hvp(x, v, hv, pick);
        adc_check_result r;
        int st = adc_check_tangent(N, N, x, v, hv, gradient, &pick, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
