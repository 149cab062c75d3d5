/* Initializers that leave out the braces of subobjects, as C allows and older codes write
 * them: a 2-D array from a flat list, a struct with an array member from one list, an array
 * of structs from one list, and a mix of braced and elided members. adc read the list as
 * written and assigned 1.0 to the row mm[0] (its output did not compile) before. Every mode
 * against finite differences, the dot-product test, and the closed form. */
#include <adc.h>

#pragma GCC diagnostic ignored "-Wmissing-braces"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct body {
    double m;
    double pos[3];
    int id;
    double v;
};

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double brace_elision(const double *x)
{
    double a = x[0], b = x[1];
    double mm[2][2] = {1.0, a, b * b, 4.0};
    struct body bd = {2.0, 1.0, a * b, 3.0, 5, b};
    struct body bs[2] = {1.0, 2.0, 3.0, 4.0, 5, a, b, {a, b}, 7};
    double grid[2][3] = {{a, 1.0}, 2.0, b};
    return mm[0][1] * 10.0 + mm[1][0] * 100.0 + bd.pos[1] * 1000.0 + bd.v * 7.0 + bs[0].v * 11.0 +
           bs[1].m * 13.0 + bs[1].pos[0] * bs[1].pos[1] * 17.0 + grid[0][0] * 19.0 + grid[1][1] * 23.0 +
           grid[0][2] + bs[1].id;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double brace_elision_tangent(const double *x, const double *x_d, double *f_d);
double brace_elision_adjoint(const double *x, double *x_b, double f_b);
double brace_elision_grad(const double *x, double *x_grad);
int brace_elision_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return brace_elision(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return brace_elision_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return brace_elision_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return brace_elision_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("brace_elision");
    const double x[2] = {0.5, 0.25};
    e2e_scalar s = {.label = "brace_elision", .n = 2, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[2];
    e2e_run_scalar(&s, g);
    /* f = 10 a + 100 b^2 + 1000 a b + 7 b + 11 a + 13 b + 17 a b + 19 a + 23 b + 0 + 7 */
    double a = x[0], b = x[1];
    double value = 10 * a + 100 * b * b + 1000 * a * b + 7 * b + 11 * a + 13 * b + 17 * a * b + 19 * a +
                   23 * b + 7;
    e2e_expect_value(s.label, "value vs closed form", primal(x, NULL), value, E2E_CLOSED_TOL);
    double want[2] = {10 + 1000 * b + 11 + 17 * b + 19, 200 * b + 1000 * a + 7 + 13 + 17 * a + 23};
    e2e_expect_close(s.label, "grad vs closed form", g, want, 2, E2E_CLOSED_TOL);
    double v[2] = {0.6, -0.8}, hv[2];
    brace_elision_hvp(x, v, hv);
    double hwant[2] = {1017 * v[1], 1017 * v[0] + 200 * v[1]};
    e2e_expect_close(s.label, "hvp vs closed form", hv, hwant, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
