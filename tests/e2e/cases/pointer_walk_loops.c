/* K&R-style loops that walk arrays with pointers in the for header: `for (p = x; p < end;
 * p++)`, two pointers stepped together (`p++, q++`), a walk downwards with an integer count
 * beside it, and `while (q != v + n) *q++ *= c;`. The pointer parts leave the header with their
 * derivative pointers (adc refused every such header as "updates an active variable"
 * before). Every mode against finite differences and the dot-product test, the
 * Hessian-vector product against differences of the gradient, and the closed form. */
#include <adc.h>

static double sumsq_walk(const double *x, int n)
{
    double s = 0.0;
    const double *p, *end = x + n;
    for (p = x; p < end; p++)
        s += *p * *p;
    return s;
}

static void scale_walk(double *v, int n, double c)
{
    double *q = v;
    while (q != v + n)
        *q++ *= c;
}

static void axpy_walk(int n, double a, const double *xs, double *ys)
{
    const double *p;
    double *q;
    for (p = xs, q = ys; p < xs + n; p++, q++)
        *q += a * *p;
}

static double weighted_down(int n, const double *x)
{
    double s = 0.0;
    int k;
    const double *p;
    for (k = 1, p = x + n - 1; p >= x; p--, k++)
        s += k * *p;
    return s;
}

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad, hvp))
double pointer_walk_loops(const double *x)
{
    double v[4], w[4] = {1.0, 2.0, 3.0, 4.0};
    for (int i = 0; i < 4; i++)
        v[i] = x[i];
    scale_walk(v, 4, x[0]);
    axpy_walk(4, x[1], v, w);
    return sumsq_walk(w, 4) + weighted_down(4, v);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_walk_loops_tangent(const double *x, const double *x_d, double *f_d);
double pointer_walk_loops_adjoint(const double *x, double *x_b, double f_b);
double pointer_walk_loops_grad(const double *x, double *x_grad);
int pointer_walk_loops_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return pointer_walk_loops(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_walk_loops_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_walk_loops_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_walk_loops_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    pointer_walk_loops_grad(x, g);
}

int main(void) {
    e2e_begin("pointer_walk_loops");
    const double x[4] = {0.7, -0.4, 1.3, 0.9};
    e2e_scalar s = {.label = "pointer_walk_loops", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[4];
    e2e_run_scalar(&s, g);
    /* v = x0 x, w_i = (i + 1) + x1 v_i; f = sum w_i^2 + sum (4 - i) v_i */
    double want[4] = {0}, v[4], w[4];
    for (int i = 0; i < 4; i++) {
        v[i] = x[0] * x[i];
        w[i] = (i + 1) + x[1] * v[i];
    }
    for (int i = 0; i < 4; i++) {
        double dv = 2.0 * w[i] * x[1] + (4 - i); /* df/dv_i */
        want[i] += dv * x[0];
        want[0] += dv * x[i];
        want[1] += 2.0 * w[i] * v[i];
    }
    e2e_expect_close(s.label, "grad vs closed form", g, want, 4, E2E_CLOSED_TOL);
    double d[4] = {0.6, -0.8, 0.3, 0.5}, hv[4];
    pointer_walk_loops_hvp(x, d, hv);
    adc_check_result r;
    int st = adc_check_tangent(4, 4, x, d, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
