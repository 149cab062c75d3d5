/* A `void *params` made from a local struct whose member points to the input array (the
 * local-struct-of-pointers convention: its shadow struct's member points to the array's
 * shadow), cast back by the integrand and read through the member. Refused before ("'simpson'
 * receives memory that carries derivatives through 'p'"). FD and the dot-product test. */
#include <math.h>
#include <adc.h>

typedef double (*integrand_fn)(double, void *);

typedef struct {
    double a, b;
    const double *w;
} weighted;

double weighted_wave(double t, void *p)
{
    weighted *q = (weighted *)p;
    return exp(-q->a * t) * sin(q->b * t) * q->w[2];
}

static double simpson(integrand_fn g, void *p, double lo, double hi, int m)
{
    double h = (hi - lo) / m, s = g(lo, p) + g(hi, p);
    for (int i = 1; i < m; i++)
        s += (i % 2 ? 4.0 : 2.0) * g(lo + i * h, p);
    return s * h / 3.0;
}

ADC_DIFF(wrt(x), len(x: 5), modes(tangent, adjoint, grad))
double void_params_struct_pointers(const double *x)
{
    weighted p = {x[0], x[1], x};
    return simpson(weighted_wave, &p, 0.0, x[3], 10) * x[4];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double void_params_struct_pointers_tangent(const double *x, const double *x_d, double *f_d);
double void_params_struct_pointers_adjoint(const double *x, double *x_b, double f_b);
double void_params_struct_pointers_grad(const double *x, double *x_grad);

static double primal(const double *x, void *c) { (void)c; return void_params_struct_pointers(x); }
static double grad(const double *x, double *g, void *c) { (void)c; return void_params_struct_pointers_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_struct_pointers_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_struct_pointers_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("void_params_struct_pointers");
    const double x[5] = {0.6, 2.5, 0.8, 1.4, -0.7};
    e2e_scalar s = {.label = "struct with a pointer member", .n = 5, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
