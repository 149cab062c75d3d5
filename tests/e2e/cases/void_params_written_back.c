/* A `void *params` the integrand reads through a cast to const (`(const state *)p`) and the
 * quadrature writes through a plain cast (`((state *)p)->last = ...`), the value read back by
 * the caller: the pointer must not become const, or the write (and its derivative) would be
 * lost (the generated code did not compile). FD and the dot-product test. */
#include <math.h>
#include <adc.h>

typedef double (*integrand_fn)(double, void *);

typedef struct {
    double a, last;
} state;

double sine_wave(double t, void *p)
{
    const state *q = (const state *)p;
    return sin(q->a * t);
}

static double simpson(integrand_fn g, void *p, double lo, double hi, int m)
{
    double h = (hi - lo) / m, s = g(lo, p);
    s += g(hi, p);
    for (int i = 1; i < m; i++)
        s += (i % 2 ? 4.0 : 2.0) * g(lo + i * h, p);
    ((state *)p)->last = s * s;
    return s * h / 3.0;
}

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad))
double void_params_written_back(const double *x)
{
    state p = {x[0] * x[1], 0.0};
    double r = simpson(sine_wave, &p, 0.0, x[3], 10);
    return r + p.last * x[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double void_params_written_back_tangent(const double *x, const double *x_d, double *f_d);
double void_params_written_back_adjoint(const double *x, double *x_b, double f_b);
double void_params_written_back_grad(const double *x, double *x_grad);

static double primal(const double *x, void *c) { (void)c; return void_params_written_back(x); }
static double grad(const double *x, double *g, void *c) { (void)c; return void_params_written_back_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_written_back_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_written_back_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("void_params_written_back");
    const double x[4] = {0.9, 1.3, 0.4, 1.7};
    e2e_scalar s = {.label = "written back through void *", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
