/* Designated initializers, as C99 code writes them: struct members by name (`.x = a`, the
 * ones left out zero), array elements by index (`[2] = a`), nested designators (`.a.y`,
 * `.w[1]`, `[1].z`), positional initializers going on after a designator, and a designated
 * local array declared in a loop, so that the elements its list leaves out are zeroed again
 * each trip after the body set them (their derivatives zeroed, and in reverse mode their
 * adjoints reset at the declaration); a struct value beginning a member of another struct
 * type (its first member's, brace elision). adc refused them before. Every mode against finite
 * differences, the dot-product test (tangent vs grad), the Hessian-vector product against
 * finite differences of the gradient, and the closed form. */
#include <adc.h>

#pragma GCC diagnostic ignored "-Wmissing-braces"

#define N 3

struct vec3 {
    double x, y, z;
};

struct pair {
    struct vec3 a;
    double w[3];
    int tag;
};

struct inner {
    double p, q;
};

struct outer {
    struct inner in;
    double z;
};

struct wrap {
    struct outer o;
    double t;
};

ADC_DIFF(wrt(x), len(x: N), modes(tangent, adjoint, grad, hvp))
double designated_initializers(const double *x)
{
    double a = x[0], b = x[1], c = x[2];
    struct vec3 v = {.z = c * c, .x = a};
    double w[8] = {[5] = b, [2] = a * b};
    struct pair p = {.w[1] = c, .a.y = a * c, b, .tag = 4};
    struct vec3 pts[3] = {[2].z = b * b, [1] = {.y = a}};
    struct inner iv = {a, c};
    struct wrap wr = {iv, a * 3.0, .t = b * 5.0};
    double s = v.x * 2.0 + v.y + v.z * 3.0 + w[2] * 5.0 + w[5] * 7.0 + w[0] + w[7];
    s += p.a.y * 11.0 + p.a.z * 13.0 + p.w[1] * 17.0 + p.a.x + p.w[0] + p.w[2] + p.tag;
    s += pts[1].y * 19.0 + pts[2].z * 23.0 + pts[0].x + pts[1].x + pts[2].y;
    s += wr.o.in.p + wr.o.in.q * 2.0 + wr.o.z * 7.0 + wr.t * 11.0;
    for (int i = 0; i < N; i++) {
        double u[4] = {[1] = x[i], [3] = x[i] * x[i]};
        s += u[0] * u[1] + u[2] * 29.0 + u[3] * x[i];
        u[0] = x[i] * 3.0; /* overwritten by the next trip's list */
        u[2] = x[i];
        s += u[0] * u[2];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double designated_initializers_tangent(const double *x, const double *x_d, double *f_d);
double designated_initializers_adjoint(const double *x, double *x_b, double f_b);
double designated_initializers_grad(const double *x, double *x_grad);
int designated_initializers_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return designated_initializers(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return designated_initializers_grad(x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    designated_initializers_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return designated_initializers_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return designated_initializers_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("designated_initializers");
    const double x[N] = {0.5, -0.75, 1.25};
    e2e_scalar s = {.label = "designated_initializers", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    /* f = 2a + 3c^2 + 5ab + 7b + 11ac + 13b + 17c + 4 + 19a + 23b^2 + (a + 2c + 21a + 55b)
     * + sum_i: per trip u = {0, x, 0, x^2} then u[0] = 3x, u[2] = x: x^3 + 3x^2 */
    double a = x[0], b = x[1], c = x[2];
    double value = 2 * a + 3 * c * c + 5 * a * b + 7 * b + 11 * a * c + 13 * b + 17 * c + 4 + 19 * a + 23 * b * b;
    value += a + 2 * c + 21 * a + 55 * b;
    double want[N] = {2 + 5 * b + 11 * c + 19 + 22, 5 * a + 7 + 13 + 46 * b + 55, 6 * c + 11 * a + 17 + 2};
    for (int i = 0; i < N; i++) {
        value += x[i] * x[i] * x[i] + 3 * x[i] * x[i];
        want[i] += 3 * x[i] * x[i] + 6 * x[i];
    }
    e2e_expect_value(s.label, "value vs closed form", primal(x, NULL), value, E2E_CLOSED_TOL);
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    double v[N] = {0.6, -0.8, 0.3}, hv[N];
    designated_initializers_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
