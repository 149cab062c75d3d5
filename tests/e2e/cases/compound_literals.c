/* Compound literals, as C99 code writes them: a struct value assigned (`v = (struct vec3){a,
 * b, c}`) and passed (`norm2((struct vec3){.y = a})`), arrays given to a helper
 * (`dot((double[]){x, y, z}, (double[3]){0}, 3)`, a const one), a pointer kept to one, and
 * literals in a loop body, a loop condition, a branch of a ?: and the right operand of &&,
 * where each is evaluated only when C evaluates it. adc refused them before; each is now a
 * fresh local set before its statement. Every mode against finite differences, the
 * dot-product test (tangent vs grad), the Hessian-vector product against finite differences
 * of the gradient, and the closed form. */
#include <adc.h>

#define N 3

struct vec3 {
    double x, y, z;
};

static double dot(const double *a, const double *b, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

static double norm2(struct vec3 v)
{
    return v.x * v.x + v.y * v.y + v.z * v.z;
}

ADC_DIFF(wrt(x), len(x: N), modes(tangent, adjoint, grad, hvp))
double compound_literals(const double *x)
{
    struct vec3 v;
    v = (struct vec3){x[0], x[1] * 2.0, x[2]};
    double s = dot((double[]){x[0], x[1], x[2]}, (double[3]){0}, 3);
    s += dot((double[]){x[0], x[1], x[2]}, (const double[]){1.0, x[0], 3.0}, 3);
    double *p = (double[]){x[2] * x[2], x[1]};
    s += p[0] * p[1] + norm2(v) + norm2((struct vec3){.y = x[0]});
    for (int i = 0; i < N; i++)
        s += dot((double[2]){x[i], 1.0}, (double[]){x[i], 2.0}, 2);
    double t = x[0];
    int k = 0;
    while (dot((double[]){t, 1.0}, (double[]){t, 0.0}, 2) < 4.0 && k < 10) {
        t = t * 1.5 + x[1] * x[1];
        k++;
    }
    s += x[2] > 0.0 ? dot((double[]){x[0], x[1]}, (double[]){x[2], 1.0}, 2) : (struct vec3){x[1], 0.0, 0.0}.x;
    s += x[0] > 0.0 && dot((double[]){x[0]}, (double[]){x[1]}, 1) > 0.1 ? x[2] : 0.0;
    return s + t;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double compound_literals_tangent(const double *x, const double *x_d, double *f_d);
double compound_literals_adjoint(const double *x, double *x_b, double f_b);
double compound_literals_grad(const double *x, double *x_grad);
int compound_literals_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return compound_literals(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return compound_literals_grad(x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    compound_literals_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return compound_literals_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return compound_literals_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("compound_literals");
    const double x[N] = {0.5, 0.75, 1.25};
    e2e_scalar s = {.label = "compound_literals", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    /* At x: the loop runs t = 1.5 t + b^2 until t^2 >= 4 (from 0.5: 1.3125, 2.53125: two
     * trips, t = 2.25 a + 2.5 b^2), the ?: takes the dot product, the && holds (ab > 0.1). */
    double a = x[0], b = x[1], c = x[2];
    double value = a + a * b + 3 * c + c * c * b + a * a + 4 * b * b + c * c + a * a;
    value += a * a + 2 + b * b + 2 + c * c + 2;
    value += a * c + b + c + 2.25 * a + 2.5 * b * b;
    double want[N] = {1 + b + 2 * a + 2 * a + 2 * a + c + 2.25, a + c * c + 8 * b + 2 * b + 1 + 5 * b,
                      3 + 2 * c * b + 2 * c + 2 * c + a + 1};
    e2e_expect_value(s.label, "value vs closed form", primal(x, NULL), value, E2E_CLOSED_TOL);
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    double v[N] = {0.6, -0.8, 0.3}, hv[N];
    compound_literals_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
