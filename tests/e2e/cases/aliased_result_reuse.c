/* An assignment whose right side reads, under another name, the memory it writes: `y[0] =
 * a / (2 + p[0] * p[0])` with p pointing at y, a helper called in place (`ratio(y, y, a)`,
 * also through another helper and through a function pointer, as an integrator calls its
 * right-hand side), and a global passed to a helper that reads it by its name.
 * The backward sweep of `y = a / b` or `y = exp(z)` takes y's new value for its partials and
 * restores the old one after; the read through the other name must get the old one. Before,
 * adc checked only that the right side did not name y, and the partials read the new value for
 * the old (difftest seed 2014337, README entry 79): each of the five alone failed the
 * dot-product test, by 0.2-8.5 %.
 * Checks: finite differences, the dot-product test, hvp against finite differences of the
 * gradient and its symmetry, and the gradient against a twin that copies the values it reads
 * into locals first. */
#include <math.h>
#include <adc.h>

double aliased_state[2];

static void ratio(double *out, const double *in, double a)
{
    out[0] = a / (2.0 + in[0] * in[0]);
}

static void grow(double *out, const double *in, double a)
{
    out[1] = exp(a * in[1]);
}

static void forward_grow(double *u, double *v, double a)
{
    grow(u, v, a);
}

typedef void (*update_fn)(double *out, const double *in, double a);

void aliased_grow(double *out, const double *in, double a)
{
    out[1] = sqrt(1.0 + a * in[1] * in[1]);
}

static void advance(update_fn update, double *u, double a)
{
    update(u, u, a);
}

static void from_state(double *out, double a)
{
    out[0] = a / (2.0 + aliased_state[0] * aliased_state[0]);
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double aliased_result_reuse(int n, const double *x)
{
    double y[3] = {x[0], x[1], 0.5};
    double *p = y + n % 3;
    for (int k = 0; k < 2; k++) {
        y[0] = (x[2] * x[k]) / (2.0 + p[0] * p[0]);
        ratio(y, y, x[1] + k);
        forward_grow(y, y, 0.3 * x[0]);
        advance(aliased_grow, y, x[2]);
    }
    aliased_state[0] = x[2];
    aliased_state[1] = 0.0;
    from_state(aliased_state, x[0]);
    return y[0] + y[1] + aliased_state[0];
}

/* The same arithmetic, each value read into a local before the assignment. */
ADC_DIFF(wrt(x), len(x: n), modes(grad))
double aliased_result_reuse_twin(int n, const double *x)
{
    double y[3] = {x[0], x[1], 0.5};
    (void)n;
    for (int k = 0; k < 2; k++) {
        double old = y[0];
        y[0] = (x[2] * x[k]) / (2.0 + old * old);
        old = y[0];
        y[0] = (x[1] + k) / (2.0 + old * old);
        old = y[1];
        y[1] = exp(0.3 * x[0] * old);
        old = y[1];
        y[1] = sqrt(1.0 + x[2] * old * old);
    }
    double state = x[2];
    return y[0] + y[1] + x[0] / (2.0 + state * state);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double aliased_result_reuse_tangent(int n, const double *x, const double *x_d, double *f_d);
double aliased_result_reuse_adjoint(int n, const double *x, double *x_b, double f_b);
double aliased_result_reuse_grad(int n, const double *x, double *x_grad);
int aliased_result_reuse_hvp(int n, const double *x, const double *x_v, double *x_hv);
double aliased_result_reuse_twin_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return aliased_result_reuse(3, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return aliased_result_reuse_grad(3, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return aliased_result_reuse_tangent(3, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return aliased_result_reuse_adjoint(3, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return aliased_result_reuse_hvp(3, x, v, hv);
}

int main(void) {
    e2e_begin("aliased_result_reuse");
    const double x[3] = {0.7, -0.3, 0.4};
    double g[3], twin[3];
    e2e_scalar s = {.label = "aliased_result_reuse", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    e2e_expect_value("aliased_result_reuse", "value vs twin", aliased_result_reuse(3, x),
                     aliased_result_reuse_twin(3, x), E2E_EXACT_TOL);
    aliased_result_reuse_twin_grad(3, x, twin);
    e2e_expect_close("aliased_result_reuse", "gradient vs twin", g, twin, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
