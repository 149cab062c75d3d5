/* offsetof as an integer constant: an index into a flat array of doubles computed from the
 * layout of a record (state vectors addressed by field, as solver codes pack them). libclang
 * shows no node for offsetof; adc takes its value (it refused it as "this expression"
 * before). Reading a member through a char pointer at that offset stays refused as type
 * punning. Every mode against finite differences, the dot-product test and the closed form. */
#include <stddef.h>
#include <adc.h>

struct state {
    double pressure;
    double velocity[2];
    double energy;
};

ADC_DIFF(wrt(q), len(q: 4), modes(tangent, adjoint, grad))
double offsetof_constants(const double *q)
{
    const size_t P = offsetof(struct state, pressure) / sizeof(double);
    const size_t E = offsetof(struct state, energy) / sizeof(double);
    const size_t U = offsetof(struct state, velocity) / sizeof(double);
    double p = q[P], e = q[E];
    double u = q[U], v = q[U + 1];
    return p * e + 0.5 * (u * u + v * v) * e + (double)E;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double offsetof_constants_tangent(const double *q, const double *q_d, double *f_d);
double offsetof_constants_adjoint(const double *q, double *q_b, double f_b);
double offsetof_constants_grad(const double *q, double *q_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return offsetof_constants(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return offsetof_constants_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return offsetof_constants_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return offsetof_constants_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("offsetof_constants");
    const double q[4] = {1.5, 0.3, -0.7, 2.2};
    e2e_scalar s = {.label = "offsetof_constants", .n = 4, .x = q, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[4];
    e2e_run_scalar(&s, g);
    double k = 0.5 * (q[1] * q[1] + q[2] * q[2]);
    double want[4] = {q[3], q[1] * q[3], q[2] * q[3], q[0] + k};
    e2e_expect_close(s.label, "grad vs closed form", g, want, 4, E2E_CLOSED_TOL);
    e2e_expect_value(s.label, "value", primal(q, NULL), q[0] * q[3] + k * q[3] + 3.0, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
