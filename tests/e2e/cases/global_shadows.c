/* Locals named like globals the function reads out of their scope. The sweeps declare every
 * local at the top of the function, so a local `scale` declared in an inner block would hide the
 * global `scale` that the return reads; a second local `rate` (renamed rate_2 beside the outer
 * one) would hide the global rate_2 read inside its own block. adc renames such locals; before,
 * the adjoint read the locals in place of the globals and its value and gradient were wrong.
 * The hvp reads the generated adjoint back: it must see the renamed locals too. */
#include <math.h>
#include <adc.h>

double scale = 3.0;
double rate_2 = 0.5;

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double global_shadows(const double *x) {
    double y = x[0];
    double rate = sin(x[1]);
    {
        double scale = 2.0 * x[1];
        y = y * scale;
    }
    {
        double rate = x[0] * x[1];
        rate = rate * rate_2 + y;
        y = y + rate * rate;
    }
    return y * scale + rate;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double global_shadows_tangent(const double *x, const double *x_d, double *global_shadows_d);
double global_shadows_adjoint(const double *x, double *x_b, double global_shadows_b);
double global_shadows_grad(const double *x, double *x_grad);
int global_shadows_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return global_shadows(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return global_shadows_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return global_shadows_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return global_shadows_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return global_shadows_hvp(x, v, hv);
}

/* The gradient by hand: with s = 2 x1 and r = x0 x1 rate_2 + x0 s,
 * f = 3 (x0 s + r^2) + sin x1. */
static void closed_form(const double *x, double *g) {
    double s = 2.0 * x[1], r = x[0] * x[1] * rate_2 + x[0] * s;
    double r0 = x[1] * rate_2 + s, r1 = x[0] * rate_2 + 2.0 * x[0];
    g[0] = scale * (s + 2.0 * r * r0);
    g[1] = scale * (2.0 * x[0] + 2.0 * r * r1) + cos(x[1]);
}

int main(void) {
    e2e_begin("global_shadows");
    const double a[2] = {0.7, -0.4}, b[2] = {-1.3, 0.9};
    const double *points[2] = {a, b};
    for (int p = 0; p < 2; p++) {
        e2e_scalar at = {.label = p ? "point b" : "point a", .n = 2, .x = points[p], .f = primal,
                         .grad = grad, .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
        double g[2], want[2];
        e2e_run_scalar(&at, g);
        closed_form(points[p], want);
        e2e_expect_close(at.label, "grad vs the closed form", g, want, 2, 1e-12);
    }
    return e2e_finish();
}
#endif
