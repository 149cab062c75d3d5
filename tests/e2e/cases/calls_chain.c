/* A chain of three user functions (annotated -> level1 -> level2 -> level3), a pointer and an index passed down, two annotated functions in one file (the second calls the first). */
#include <math.h>
#include <adc.h>

static double level3(double a, double b)
{
    return a * sin(b) + exp(-a * a);
}

static double level2(double a, double b)
{
    return level3(a + b, a * b) + b / (1.0 + a * a);
}

static double level1(const double *x, int i)
{
    return 0.5 * level2(x[i], x[i + 1]) * x[i];
}

ADC_DIFF(wrt(x), len(x: n))
double calls_chain(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i + 1 < n; i++)
        s += level1(x, i);
    return s;
}

ADC_DIFF(wrt(x), len(x: n))
double calls_chain_outer(int n, const double *x)
{
    double c = calls_chain(n, x);
    return c * c + level3(c, x[0]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_chain_tangent(int n, const double *x, const double *x_d, double *calls_chain_d);
double calls_chain_adjoint(int n, const double *x, double *x_b, double calls_chain_b);
double calls_chain_grad(int n, const double *x, double *x_grad);
double calls_chain_outer_tangent(int n, const double *x, const double *x_d,
                                 double *calls_chain_outer_d);
double calls_chain_outer_adjoint(int n, const double *x, double *x_b,
                                 double calls_chain_outer_b);
double calls_chain_outer_grad(int n, const double *x, double *x_grad);

#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return calls_chain(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_chain_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_chain_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_chain_adjoint(N, x, xb, seed);
}
static double primal_outer(const double *x, void *p) {
    (void)p;
    return calls_chain_outer(N, x);
}
static double grad_outer(const double *x, double *g, void *p) {
    (void)p;
    return calls_chain_outer_grad(N, x, g);
}
static double tangent_outer(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_chain_outer_tangent(N, x, v, dv);
}
static double adjoint_outer(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_chain_outer_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("calls_chain");
    double x[N];
    e2e_fill(x, N, 71u, -1.2, 1.2);
    e2e_scalar s = {.label = "calls_chain", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_scalar s2 = {.label = "calls_chain_outer", .n = N, .x = x, .f = primal_outer,
                     .grad = grad_outer, .tangent = tangent_outer, .adjoint = adjoint_outer};
    e2e_run_scalar(&s2, NULL);
    return e2e_finish();
}
#endif
