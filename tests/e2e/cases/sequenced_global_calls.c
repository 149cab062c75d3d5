/* Calls that update a global where C fixes their order (the operands of && and ?:, a call's
 * arguments before its body, the comma operator, also inside a larger expression, the comma
 * between declarators), where they update different globals, or where the order cannot change a value
 * (the same call twice in a sum or product, g() + g() or log1p(-g() * -g()); calls that only
 * count in a global). adc refuses the unspecified orders (tests/bad/unordered_*.c); these it
 * must take, and call in C's order. */
#include <math.h>
#include <adc.h>

double level, other;
int ncalls;

static double advance(double x) {
    level = level * x + 1.0;
    return level;
}
static double scaled(double x) { return level * x; }
static double settle(double x) {
    other = x * x;
    return other;
}
static double times(double a, double b) { return a * b; }
static double counted(double a) {
    ncalls++;
    return a * a;
}
static double tallied(double a) {
    ncalls = ncalls + 1;
    return 2.0 * a;
}

ADC_DIFF(wrt(x), len(x: 1), modes(tangent, adjoint, grad))
double sequenced_global_calls(const double *x) {
    double t = x[0];
    level = t;
    double r = 0.0;
    if (advance(t) > 0.0 && level > 1.0)
        r += level;
    double a = advance(t) > 0.5 ? level : 0.0;
    double b = times(advance(t), 2.0) * 3.0;
    double c = scaled(t) + scaled(t);
    double d = times(advance(scaled(t)), 2.0);
    double e = counted(t) - counted(2.0 * t) + tallied(t);
    double h = (advance(t), scaled(t));
    double m = log1p(-advance(t) * -advance(t));
    double p = (advance(t), level) * t;
    p += t * (advance(t), scaled(t));
    double q = times(t, (advance(t), level));
    q += (t > 0.5 && (advance(t), 1.0) > 0.0) ? level : 0.0;
    if ((advance(t), level) > 1.0)
        r += level;
    double s = 0.0;
    double u = (s = advance(t), s + level);
    double v = advance(t), w = level * t;
    double z = advance(t) - settle(t);
    for (int i = 0; i < 2 && advance(t) > 0.0 && level < 100.0; i++)
        z += level;
    double pair[2] = {t, 2.0 * t};
    z += (advance(t), pair)[1] * t;
    return r + a + b + c + d + e + h + m + p + q + s + u + v + w + z + level + other;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double sequenced_global_calls_tangent(const double *x, const double *x_d, double *sequenced_global_calls_d);
double sequenced_global_calls_adjoint(const double *x, double *x_b, double sequenced_global_calls_b);
double sequenced_global_calls_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return sequenced_global_calls(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return sequenced_global_calls_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return sequenced_global_calls_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return sequenced_global_calls_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("sequenced_global_calls");
    double x[1] = {0.8};
    e2e_scalar s = {.label = "sequenced_global_calls", .n = 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
