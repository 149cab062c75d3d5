/* static functions: an annotated static function (its derivatives are the user's interface:
 * external, reached from the other files of the program), static helpers called in a loop
 * condition, inside an expression and as active callees (the generated file calls its own
 * static copies, never the source's static functions). Once: undefined static_functions_tangent
 * at link time, and `count` called undeclared. FD, tangent against adjoint, closed form. */
#include <math.h>
#include <adc.h>

static int count(int n) { return n - 1; }
static double weight(int i) { return 1.0 + 0.5 * i; }
static double bump(double v) { return v * exp(-v * v); }

ADC_DIFF(wrt(x), len(x: n))
static double static_functions(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < count(n); i++)
        s += weight(i) * bump(x[i] * x[i + 1]) + (weight(i + 1) > 2.0 ? x[i] : 0.0);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double static_functions_tangent(int n, const double *x, const double *x_d, double *static_functions_d);
double static_functions_adjoint(int n, const double *x, double *x_b, double static_functions_b);
double static_functions_grad(int n, const double *x, double *x_grad);

#define N 5
static double primal(const double *x, void *ctx) {
    (void)ctx;
    return static_functions(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return static_functions_grad(N, x, g);
}
static double tangent(const double *x, const double *dx, double *dv, void *ctx) {
    (void)ctx;
    return static_functions_tangent(N, x, dx, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return static_functions_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("static_functions");
    double x[N], g[N], want[N] = {0.0};
    e2e_fill(x, N, 5u, -1.2, 1.2);
    e2e_scalar s = {.label = "five points", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    for (int i = 0; i + 1 < N; i++) {
        double u = x[i] * x[i + 1], du = (1.0 - 2.0 * u * u) * exp(-u * u) * weight(i);
        want[i] += du * x[i + 1] + (weight(i + 1) > 2.0 ? 1.0 : 0.0);
        want[i + 1] += du * x[i];
    }
    grad(x, g, NULL);
    e2e_expect_close("five points", "gradient against the closed form", g, want, N, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
