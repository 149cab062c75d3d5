/* Side effects before a sequence point: the comma operator after an operand with effects (in
 * an expression, a loop condition, a call argument, a statement), the declarators of one
 * declaration, effects under && and || and in the branches of ?: (they run only when C
 * evaluates them), and for headers that update floating data or call a function (an active
 * init, `i++, w *= 0.5`, an update that reads the index the step has just advanced).
 * Gradient, tangent and adjoint against finite differences and each other, at two points
 * that take the other side of each && || ?:. */
#include <adc.h>

static double advance(double t, double a) { return t + 0.25 + 0.1 * a * a; }
static double twice(double v) { return 2.0 * v; }

ADC_DIFF(wrt(x), len(x: n))
double commas(int n, const double *x)
{
    double s = x[0], y, t = 0.0, r = 0.0, w, u = x[1];
    int i, k = 0;
    y = (s += 1.0, s * x[1]);
    while (t = advance(t, x[2]), t < 1.0)
        r += t * x[3];
    for (i = 0, w = x[2]; i < n; i++, w *= 0.5)
        r += w * x[i];
    for (i = 0; i < n; u = twice(u) * 0.25, i++)
        r += u * x[i];
    for (i = 0; i < n; i++, w *= 1.0 + 0.1 * i) /* w's update reads the new i: both leave */
        r -= w * x[i];
    s += 1.0, y += twice(s) * x[0];
    double a = s, b = s++ * x[1];
    if (x[0] > 0.0 && (s *= x[1]) > 0.0)
        r += s;
    if (x[1] > 0.0 || (s += x[3]) > 0.0)
        r -= s * x[4];
    r += x[2] > 0.0 ? (s += x[0], s * s) : (s -= x[1], s * x[3]);
    r += twice((k++, s * x[3]));
    return y * r + a * b + s * k;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double commas_tangent(int n, const double *x, const double *x_d, double *commas_d);
double commas_adjoint(int n, const double *x, double *x_b, double commas_b);
double commas_grad(int n, const double *x, double *x_grad);

enum { N = 5 };

static double primal(const double *x, void *p) {
    (void)p;
    return commas(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return commas_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return commas_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return commas_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("comma_effects");
    const double taken[N] = {0.6, 0.8, 0.3, -0.5, 0.7}, skipped[N] = {-0.6, -0.8, -0.3, 0.5, 0.7};
    double g[N];
    e2e_scalar s = {.label = "commas (left sides true)", .n = N, .x = taken, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    s.label = "commas (left sides false)";
    s.x = skipped;
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
