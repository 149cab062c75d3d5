/* Seed example: f(x) = <x,Ax> - b.x + c, non-symmetric flat A indexed A[i*n+j]; inactive double c; closed-form gradient (A+A^T)x - b. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double quadratic_form(int n, const double *A, const double *b, double c, const double *x)
{
    double xAx = 0.0;
    for (int i = 0; i < n; i++) {
        double Ax_i = 0.0;
        for (int j = 0; j < n; j++)
            Ax_i += A[i * n + j] * x[j];
        xAx += x[i] * Ax_i;
    }
    double bx = 0.0;
    for (int i = 0; i < n; i++)
        bx += b[i] * x[i];
    return xAx - bx + c;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double quadratic_form_tangent(int n, const double *A, const double *b, double c, const double *x,
                              const double *x_d, double *quadratic_form_d);
double quadratic_form_adjoint(int n, const double *A, const double *b, double c, const double *x,
                              double *x_b, double quadratic_form_b);
double quadratic_form_grad(int n, const double *A, const double *b, double c, const double *x,
                           double *x_grad);

#define N 6
struct ctx {
    double A[N * N], b[N], c;
};

static double primal(const double *x, void *p) {
    const struct ctx *c = p;
    return quadratic_form(N, c->A, c->b, c->c, x);
}
static double grad(const double *x, double *g, void *p) {
    const struct ctx *c = p;
    return quadratic_form_grad(N, c->A, c->b, c->c, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    const struct ctx *c = p;
    return quadratic_form_tangent(N, c->A, c->b, c->c, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    const struct ctx *c = p;
    return quadratic_form_adjoint(N, c->A, c->b, c->c, x, xb, seed);
}

int main(void) {
    e2e_begin("seed_quadratic_form");
    struct ctx c;
    e2e_fill(c.A, N * N, 1u, -1.0, 1.0);
    e2e_fill(c.b, N, 2u, -2.0, 2.0);
    c.c = 0.75;
    double x[N], g[N], ref[N];
    e2e_fill(x, N, 3u, -1.5, 1.5);
    e2e_scalar s = {.label = "quadratic_form", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &c};
    e2e_run_scalar(&s, g);
    for (int i = 0; i < N; i++) {
        ref[i] = -c.b[i];
        for (int j = 0; j < N; j++)
            ref[i] += (c.A[i * N + j] + c.A[j * N + i]) * x[j];
    }
    e2e_expect_close("quadratic_form", "grad vs closed form (A+A^T)x - b", g, ref, N,
                     E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
