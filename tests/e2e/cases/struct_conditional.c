/* A ?: whose value is a struct: `k % 2 ? cmul(h2, z) : h2` returned by a recursive complex
 * power, and `(x[i] > 0.5 * a ? za : zb).re` read in a sum. The first was refused (a call in a
 * branch of a ?: kept as an expression), the second crashed adc (a segfault after "cannot name
 * the derivative of this expression"). A ?: of struct type is now lowered like one of floating
 * type, into an if/else assigning a temporary. Gradient and hvp checked against finite
 * differences, tangent vs adjoint (the dot-product test). */
#include <adc.h>
#include <math.h>

typedef struct { double re, im; } cplx;

static cplx cmul(cplx a, cplx b) {
    cplx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

static cplx cpow_rec(cplx z, int k) {
    if (k == 0) {
        cplx one = {1.0, 0.0};
        return one;
    }
    cplx h = cpow_rec(z, k / 2);
    cplx h2 = cmul(h, h);
    return k % 2 ? cmul(h2, z) : h2;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double struct_conditional(int n, const double *x) {
    cplx za = {x[0] * x[1], x[2]}, zb = {sin(x[1]), x[0] * x[0]};
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        cplx p = cpow_rec(za, i + 2);
        s += p.re + 0.5 * p.im + (x[i] > 0.5 ? za : zb).re * x[i];
        za.re += 0.1 * zb.im;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_conditional_tangent(int n, const double *x, const double *x_d, double *struct_conditional_d);
double struct_conditional_adjoint(int n, const double *x, double *x_b, double struct_conditional_b);
double struct_conditional_grad(int n, const double *x, double *x_grad);
int struct_conditional_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 3

static double primal(const double *x, void *p) { (void)p; return struct_conditional(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return struct_conditional_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return struct_conditional_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return struct_conditional_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return struct_conditional_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("struct_conditional");
    double both[2][N] = {{0.7, 0.4, 0.9}, {0.3, 0.8, 0.6}}, g[N]; /* x[i] on both sides of 0.5 */
    for (int k = 0; k < 2; k++) {
        e2e_scalar s = {.label = k ? "second point" : "first point", .n = N, .x = both[k], .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
        e2e_run_scalar(&s, g);
    }
    return e2e_finish();
}
#endif
