/* hvp through a helper whose backward sweep calls another helper's for nothing that reaches an
 * output: t's only path into outer's result, `c /= 2 + t * t`, is dead (c is not read again),
 * so outer's backward sweep never adds to t's adjoint (useful.c) and the tangent over it, having
 * no output to serve, called inner's backward sweep as a primal copy. That copy popped inner's
 * taped local struct array without the tangent bytes the tangent over the forward sweep had
 * pushed on top: every value popped after it was shifted (hvp 1e149 here; difftest seed 840004
 * crashed). A primal copy of adc's own code now keeps the tangents' places on the tape.
 * Gradient, tangent and adjoint against finite differences and each other; hvp against
 * finite differences of the gradient. */
#include <math.h>
#include <adc.h>

struct pt {
    double v, w;
};

static double inner(double p, double q)
{
    struct pt i[2] = {{q + 1.0, q}, {q, exp(q)}};
    if (0.3 * p < 1.5)
        p = 0.5 * p;
    else
        i[1].v *= -sin(p);
    return i[0].w * i[1].w - 0.5;
}

static double outer(double c, double t)
{
    double r = c + 0.3;
    if (!(t < 0.125))
        r += inner(c, r);
    else
        c /= 2.0 + t * t;
    r /= 2.0 + inner(r, -r) * inner(r, -r);
    return r;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double primal_reverse(int n, const double *x)
{
    double s = x[0] * x[0];
    s = sin(s) * x[n - 1]; /* its old value is taped before outer's */
    double o = outer(0.125, x[n - 1]);
    return o * s + s * x[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double primal_reverse_tangent(int n, const double *x, const double *x_d, double *primal_reverse_d);
double primal_reverse_adjoint(int n, const double *x, double *x_b, double primal_reverse_b);
double primal_reverse_grad(int n, const double *x, double *x_grad);
int primal_reverse_hvp(int n, const double *x, const double *x_v, double *x_hv);

enum { N = 2 };

static double primal(const double *x, void *p) {
    (void)p;
    return primal_reverse(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return primal_reverse_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return primal_reverse_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return primal_reverse_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("hvp_primal_reverse");
    const double points[2][N] = {{0.7, -0.4}, {0.7, 0.9}}; /* t below and above 0.125 */
    for (int k = 0; k < 2; k++) {
        const double *x = points[k];
        e2e_scalar s = {.label = k ? "t above" : "t below", .n = N, .x = x, .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
        const double v[N] = {0.3, -0.5}, step = 1e-5;
        double hv[N], up[N], down[N], gu[N], gd[N], want[N];
        for (int i = 0; i < N; i++) {
            up[i] = x[i] + step * v[i];
            down[i] = x[i] - step * v[i];
        }
        primal_reverse_grad(N, up, gu);
        primal_reverse_grad(N, down, gd);
        for (int i = 0; i < N; i++)
            want[i] = (gu[i] - gd[i]) / (2.0 * step);
        e2e_report(primal_reverse_hvp(N, x, v, hv) == 0, s.label, "hvp status");
        e2e_expect_close(s.label, "hvp vs differences of the gradient", hv, want, N, 1e-6);
    }
    return e2e_finish();
}
#endif
