/* GSL's integrands as GSL's examples write them: the context cast back by C's implicit
 * conversion from `void *` (`const struct par *p = params;`, `struct par *q = params;` and a
 * later `q = params;`) rather than by a cast. The parameter struct carries an active double and
 * a pointer to the active array; the integrand is chosen at run time by floating data and
 * called through the pointer and by a midpoint rule. Before, adc refused it ("the call through
 * 'g' receives memory that carries derivatives through 'params', whose type holds no floating
 * data"). FD and the dot-product test (e2e_run_scalar), and the gradient against the one of
 * the same program written with explicit casts (void_params_quadrature's form). */
#include <math.h>
#include <adc.h>

typedef double (*integrand_fn)(double x, void *params);

struct par {
    double k;
    const double *w;
};

double decaying(double x, void *params)
{
    const struct par *p = params;
    return exp(-p->k * x) * (p->w[2] + p->w[3] * x);
}

double rising(double x, void *params)
{
    struct par *q;
    q = params;
    return q->k * x * x + sin(q->w[1] * x);
}

double decaying_cast(double x, void *params)
{
    const struct par *p = (const struct par *)params;
    return exp(-p->k * x) * (p->w[2] + p->w[3] * x);
}

double rising_cast(double x, void *params)
{
    struct par *q = (struct par *)params;
    return q->k * x * x + sin(q->w[1] * x);
}

static double midpoint(integrand_fn g, void *params, double lo, double hi, int m)
{
    double h = (hi - lo) / m, s = 0.0;
    for (int i = 0; i < m; i++)
        s += g(lo + (i + 0.5) * h, params);
    return s * h;
}

/* x = (k, w0, w1, w2, upper limit). */
ADC_DIFF(wrt(x), len(x: 5), modes(tangent, adjoint, grad))
double void_params_implicit_cast(const double *x)
{
    struct par p = {x[0] * x[0], x};
    integrand_fn g = x[1] > 0.5 ? decaying : rising;
    return g(x[4], &p) + midpoint(decaying, &p, 0.0, x[4], 8) * midpoint(rising, &p, 0.2, 1.0, 6);
}

ADC_DIFF(wrt(x), len(x: 5), modes(grad))
double void_params_explicit_cast(const double *x)
{
    struct par p = {x[0] * x[0], x};
    integrand_fn g = x[1] > 0.5 ? decaying_cast : rising_cast;
    return g(x[4], &p) + midpoint(decaying_cast, &p, 0.0, x[4], 8) * midpoint(rising_cast, &p, 0.2, 1.0, 6);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double void_params_implicit_cast_tangent(const double *x, const double *x_d, double *f_d);
double void_params_implicit_cast_adjoint(const double *x, double *x_b, double f_b);
double void_params_implicit_cast_grad(const double *x, double *x_grad);
double void_params_explicit_cast_grad(const double *x, double *x_grad);

static double primal(const double *x, void *c) { (void)c; return void_params_implicit_cast(x); }
static double grad(const double *x, double *g, void *c) { (void)c; return void_params_implicit_cast_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_implicit_cast_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_implicit_cast_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("void_params_implicit_cast");
    const double points[2][5] = {{0.7, 0.9, -0.4, 1.3, 1.6}, {1.1, 0.2, 0.8, -0.6, 0.9}};
    const char *labels[2] = {"decaying chosen", "rising chosen"};
    for (int k = 0; k < 2; k++) {
        e2e_scalar s = {.label = labels[k], .n = 5, .x = points[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        double g[5], g_cast[5];
        e2e_run_scalar(&s, g);
        void_params_explicit_cast_grad(points[k], g_cast);
        e2e_expect_close(labels[k], "gradient vs the explicit casts' gradient", g, g_cast, 5, E2E_EXACT_TOL);
    }
    return e2e_finish();
}
#endif
