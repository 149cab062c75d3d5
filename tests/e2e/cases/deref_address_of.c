/* A read or update of a local through `*&u` (macros expand to it: `#define AT(p) (*(p))` given
 * `&u`) is u itself. The adjoint used to add into u's shadow through `*(&u_b)` while the
 * backward sweep of `u = x[0] * x[0]` had nothing to give it: df/dx0 lost (found with the
 * difftest class structwalk). Gradient checked
 * against finite differences and tangent vs adjoint, and against the closed form. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double deref_address_of(int n, const double *x) {
    (void)n;
    double u = x[0] * x[0];
    double v = 3.0 * x[1];
    *&v *= x[2];
    double s = *(&u) + *&v;
    return s * x[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double deref_address_of_tangent(int n, const double *x, const double *x_d, double *deref_address_of_d);
double deref_address_of_adjoint(int n, const double *x, double *x_b, double deref_address_of_b);
double deref_address_of_grad(int n, const double *x, double *x_grad);

#define N 3

static double primal(const double *x, void *p) { (void)p; return deref_address_of(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return deref_address_of_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return deref_address_of_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return deref_address_of_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("deref_address_of");
    double x[N] = {0.7, -0.4, 1.3}, g[N];
    e2e_scalar s = {.label = "deref", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* f = (x0^2 + 3 x1 x2) x2 */
    double want[N] = {2.0 * x[0] * x[2], 3.0 * x[2] * x[2], x[0] * x[0] + 6.0 * x[1] * x[2]};
    e2e_expect_close("deref", "gradient vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
