/* A read of a local scalar through its address inside an expression, `(&u)[0]` (`*(&u)` is
 * u since 92764e9; memory chosen by ?: is refused), in reverse mode. Once silently wrong: the
 * backward sweep added the read's adjoint through memory (`(&u_b)[0] += adj`) but still took
 * u's adjoint for zero, so the statement that computed u passed nothing on (the gradient lost
 * every term of the read). s = x0 x1 + (x2 > 0 ? x0^2 : 3 x1) + x2^2: FD, tangent against grad
 * (dot product), closed form on both sides of the choice. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double read_through_chosen_address(int n, const double *x) {
    double u = x[0] * x[0];
    double v = 3.0 * x[1];
    double w = x[0] * x[1];
    double c = x[n - 1];
    double s = (&w)[0];
    s += c > 0.0 ? (&u)[0] : (&v)[0];
    return s + c * c;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

enum { NX = 3 };

double read_through_chosen_address_tangent(int n, const double *x, const double *x_d, double *d);
double read_through_chosen_address_adjoint(int n, const double *x, double *x_b, double seed);
double read_through_chosen_address_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return read_through_chosen_address(NX, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return read_through_chosen_address_grad(NX, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return read_through_chosen_address_tangent(NX, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return read_through_chosen_address_adjoint(NX, x, xb, seed);
}

static void check_side(const char *label, double c) {
    double x[NX] = {0.7, 1.3, c};
    e2e_scalar sc = {.label = label, .n = NX, .x = x, .f = primal, .grad = grad,
                     .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&sc, NULL);
    double g[NX];
    read_through_chosen_address_grad(NX, x, g);
    double want[NX] = {x[1] + (c > 0.0 ? 2.0 * x[0] : 0.0), x[0] + (c > 0.0 ? 0.0 : 3.0), 2.0 * c};
    e2e_expect_close(label, "grad against the closed form", g, want, NX, E2E_CLOSED_TOL);
}

int main(void) {
    e2e_begin("read_through_chosen_address");
    check_side("u chosen", 0.4);
    check_side("v chosen", -0.6);
    return e2e_finish();
}
#endif
