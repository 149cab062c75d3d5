/* A pointer declared without an initializer and assigned later (`struct par *p; p = params;`,
 * GSL's integrands so written), through which a helper reads only members that carry no
 * derivative (`p->len`), though the struct carries one (`p->w` points to an active array):
 * the tangent declared and assigned p_d and never read it, and -Wall -Wextra -Werror rejected
 * the generated file (`variable 'p_d' set but not used`; difftest seed 2023439, README entry
 * 91). Checked against finite differences, the dot-product test and the adjoint's increments. */
#include <math.h>
#include <adc.h>

struct par {
    int len;
    const double *w;
};

static double ripple(double x, void *params) {
    const struct par *p;
    p = params;
    double s = 0.0;
    for (int i = 0; i < p->len; i++)
        s += sin(x * (i + 1)) / (i + 1);
    return p->len > 2 ? s * x : s;
}

static double weigh(double x, void *params) {
    const struct par *p = params;
    return x * p->w[0] + p->w[p->len - 1];
}

ADC_DIFF(wrt(x, w), len(w: n), modes(tangent, adjoint, grad))
double unread(double x, int n, const double *w) {
    struct par pr = {n, w};
    return ripple(x, &pr) + weigh(x, &pr) * ripple(0.5 * x, &pr);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double unread_tangent(double x, double x_d, int n, const double *w, const double *w_d, double *unread_d);
double unread_adjoint(double x, double *x_b, int n, const double *w, double *w_b, double unread_b);
double unread_grad(double x, int n, const double *w, double *x_grad, double *w_grad);

#define N 4 /* packed inputs: x, w[0..N) */

static double primal(const double *u, void *p) {
    (void)p;
    return unread(u[0], N, u + 1);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return unread_grad(u[0], N, u + 1, &g[0], g + 1);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return unread_tangent(u[0], v[0], N, u + 1, v + 1, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return unread_adjoint(u[0], &ub[0], N, u + 1, ub + 1, yb);
}

int main(void) {
    e2e_begin("pointer_declared_unread_tangent");
    double u[N + 1];
    e2e_fill(u, N + 1, 91u, -0.9, 0.9);
    e2e_scalar s = {.label = "unread", .n = N + 1, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
