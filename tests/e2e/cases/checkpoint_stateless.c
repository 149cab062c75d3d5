/* A loop marked ADC_CHECKPOINT whose steps change nothing the backward sweep needs (here an
 * empty body, as difftest seed 60018 made): it has no state to snapshot, and the snapshot
 * blocks declared a slot and an offset never used (-Wunused-variable under -Werror). A
 * checkpointed loop with state follows it. Gradient, tangent and adjoint against finite
 * differences and the closed form. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double stateless(int n, const double *x) {
    double s = x[0];
    ADC_CHECKPOINT(2)
    for (int k = 0; k < n; k++) {
    }
    ADC_CHECKPOINT(2)
    for (int k = 1; k < n; k++)
        s = s * x[k];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double stateless_tangent(int n, const double *x, const double *x_d, double *stateless_d);
double stateless_adjoint(int n, const double *x, double *x_b, double stateless_b);
double stateless_grad(int n, const double *x, double *x_grad);

enum { N = 4 };

static double primal(const double *x, void *p) {
    (void)p;
    return stateless(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return stateless_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return stateless_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return stateless_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("checkpoint_stateless");
    const double x[N] = {0.7, -0.8, 0.4, 1.1};
    double g[N], want[N];
    e2e_scalar s = {.label = "stateless", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    for (int i = 0; i < N; i++) { /* the product of the others */
        want[i] = 1.0;
        for (int k = 0; k < N; k++)
            want[i] *= k == i ? 1.0 : x[k];
    }
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
