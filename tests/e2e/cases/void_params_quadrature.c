/* GSL's gsl_function idiom: an integrand `double (*)(double x, void *params)` casts its context
 * back (`*(double *)params` or a parameter struct), and a Simpson rule calls it through the
 * pointer, twice in one expression (`g(lo, p) + g(hi, p)`): no target writes through p, so the
 * order of the two calls does not matter. Before, the context was refused ("'simpson' receives
 * memory that carries derivatives through 'p'") and the sum too ("'call_g' writes through its
 * argument 'p'", naming adc's dispatch). FD and the dot-product test; the active decay rate
 * reaches the integrand through `void *` (a local `void *ctx = &d;`), a constant context
 * carries no derivative, and a NULL one gets a null shadow (the tangent declared it as a
 * double: the generated code did not compile). The vector tangent against the gradient. */
#include <math.h>
#include <stddef.h>
#include <adc.h>

typedef double (*integrand_fn)(double x, void *params);

struct damped {
    double rate, freq;
};

double damped_wave(double x, void *params)
{
    struct damped *q = (struct damped *)params;
    return exp(-q->rate * x) * sin(q->freq * x);
}

/* A context-free integrand, given NULL for its context (as GSL programs pass). */
double plain_wave(double x, void *params)
{
    (void)params;
    return cos(x);
}

static double simpson(integrand_fn g, void *p, double lo, double hi, int m)
{
    double h = (hi - lo) / m, s = g(lo, p) + g(hi, p);
    for (int i = 1; i < m; i++)
        s += (i % 2 ? 4.0 : 2.0) * g(lo + i * h, p);
    return s * h / 3.0;
}

/* x = (rate, freq, upper limit). */
ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad))
double void_params_quadrature(const double *x)
{
    struct damped d = {x[0], x[1]};
    struct damped fixed = {0.5, 2.0};
    void *ctx = &d;
    return simpson(damped_wave, ctx, 0.0, x[2], 20) * simpson(damped_wave, &fixed, 0.0, 1.0, 10) +
           simpson(plain_wave, NULL, x[0], 1.0, 10);
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent_vector), vector(3))
double void_params_quadrature_vector(const double *x)
{
    return void_params_quadrature(x);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double void_params_quadrature_tangent(const double *x, const double *x_d, double *f_d);
double void_params_quadrature_adjoint(const double *x, double *x_b, double f_b);
double void_params_quadrature_grad(const double *x, double *x_grad);
double void_params_quadrature_vector_tangent_vector(const double *x, const double x_d[][3], double f_d[3]);

static double primal(const double *x, void *c) { (void)c; return void_params_quadrature(x); }
static double grad(const double *x, double *g, void *c) { (void)c; return void_params_quadrature_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_quadrature_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_quadrature_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("void_params_quadrature");
    const double x[3] = {0.7, 3.0, 1.6};
    e2e_scalar s = {.label = "damped wave", .n = 3, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[3];
    e2e_run_scalar(&s, g);
    double unit[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, columns[3];
    void_params_quadrature_vector_tangent_vector(x, unit, columns);
    e2e_expect_close("damped wave", "vector tangent vs gradient", columns, g, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
