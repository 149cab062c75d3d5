/* Locals real code declares beside active ones: a const array with an active element (its
 * tangent array was declared const and then assigned: it did not compile), char arrays and a
 * struct member initialized from string literals (reverse mode assigned `tag = "ab"`: it did
 * not compile). FD, the dot-product test, hvp and a closed form. */
#include <adc.h>

struct label {
    char name[6];
    double w;
};

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double const_and_char_locals(const double *x)
{
    const double c[3] = {1.5, x[0] * x[1], 3.0};
    char tag[4] = "ab";
    struct label lb = {"x\x79\n", x[2]};
    double s = 0;
    for (int i = 0; i < 3; i++)
        s += c[i] * x[i] + (tag[i] == 'b') * x[i] * x[i] + (lb.name[2] == '\n') * lb.w * x[i];
    return s + (tag[3] == 0 && lb.name[1] == 'y') * c[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double const_and_char_locals_tangent(const double *x, const double *x_d, double *f_d);
double const_and_char_locals_adjoint(const double *x, double *x_b, double f_b);
double const_and_char_locals_grad(const double *x, double *x_grad);
int const_and_char_locals_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return const_and_char_locals(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return const_and_char_locals_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return const_and_char_locals_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return const_and_char_locals_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("const_and_char_locals");
    const double x[3] = {0.7, -1.3, 0.4};
    e2e_scalar s = {.label = "const_and_char_locals", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[3];
    e2e_run_scalar(&s, g);
    /* f = 1.5 x0 + x0 x1^2 + 3 x2 + x1^2 + x2 (x0 + x1 + x2) + x0 x1 */
    double want[3] = {1.5 + x[1] * x[1] + x[2] + x[1], 2 * x[0] * x[1] + 2 * x[1] + x[2] + x[0],
                      3 + x[0] + x[1] + 2 * x[2]};
    e2e_expect_close("const_and_char_locals", "gradient against the closed form", g, want, 3, 1e-12);
    /* H v from the closed form's Hessian [[0, 2x1 + 1, 1], [2x1 + 1, 2x0 + 2, 1], [1, 1, 2]] */
    const double v[3] = {0.3, -0.2, 0.9};
    double hv[3], h01 = 2 * x[1] + 1;
    const double hv_want[3] = {h01 * v[1] + v[2], h01 * v[0] + (2 * x[0] + 2) * v[1] + v[2],
                               v[0] + v[1] + 2 * v[2]};
    e2e_report(const_and_char_locals_hvp(x, v, hv) == 0, "const_and_char_locals", "hvp status");
    e2e_expect_close("const_and_char_locals", "hvp against the closed form", hv, hv_want, 3, 1e-12);
    return e2e_finish();
}
#endif
