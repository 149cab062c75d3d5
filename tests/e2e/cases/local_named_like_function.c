/* A local or parameter named like its function (`double energy` in energy(), `double scale`
 * in a helper scale(double scale, ...)): its tangent and adjoint would be energy_d and
 * energy_b, the names of the result's tangent and seed, which the generated code declared
 * twice (it did not compile; hvp, reading its adjoint back, failed). The variable is renamed
 * energy_2. Finite differences, the dot-product test (tangent vs grad), the gradient against
 * the closed form and hvp against finite differences of the gradient. */
#include <math.h>
#include <adc.h>

static double scale(double scale, double v)
{
    return scale * v;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double energy(const double *x)
{
    double energy = x[0] * x[0];
    energy += scale(x[1], sin(x[0]));
    return energy * x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double energy_tangent(const double *x, const double *x_d, double *energy_d);
double energy_adjoint(const double *x, double *x_b, double energy_b);
double energy_grad(const double *x, double *x_grad);
int energy_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return energy(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return energy_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return energy_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return energy_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return energy_hvp(x, v, hv);
}

int main(void) {
    e2e_begin("local_named_like_function");
    const double x[2] = {0.7, -1.3};
    double g[2];
    e2e_scalar s = {.label = "energy", .n = 2, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    /* f = (x0^2 + x1 sin x0) x1 */
    double want[2] = {(2 * x[0] + x[1] * cos(x[0])) * x[1], x[0] * x[0] + 2 * x[1] * sin(x[0])};
    e2e_expect_close("energy", "gradient vs closed form", g, want, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
