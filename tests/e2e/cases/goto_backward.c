/* Loops written with backward gotos, as f2c translates Fortran's DO and IF-GOTO loops: a
 * 1-based DO loop after `--x`, two nested goto loops, a Newton iteration leaving by a
 * forward goto, a goto back out of a for loop (restarting a sweep), and a label both a
 * forward goto and a backward one reach. Gradient against finite differences, the tangent
 * and the dot-product test. */
#include <math.h>
#include <adc.h>

typedef long int integer;
typedef double doublereal;

/* sum_i a x_i^2, f2c's `DO 10 I = 1, N` */
ADC_DIFF(wrt(x, a), len(x: n))
doublereal sumsq(integer n, doublereal *x, doublereal a)
{
    integer i__ = 1;
    doublereal s = 0.;
    --x;
    if (n <= 0)
        goto L20;
L10:
    s += a * x[i__] * x[i__];
    ++i__;
    if (i__ <= n)
        goto L10;
L20:
    return s;
}

/* sum_ij x_i x_j (i + j) sin x_j over two goto loops, the inner one restarting per trip */
ADC_DIFF(wrt(x), len(x: n))
double pairs(int n, const double *x)
{
    int i = 0, j;
    double s = 0.0;
outer:
    j = 0;
inner:
    s += x[i] * x[j] * (i + j) * sin(x[j]);
    j++;
    if (j < n)
        goto inner;
    i++;
    if (i < n)
        goto outer;
    return s;
}

/* Newton for y^3 = c, a fixed number of steps unless converged (a forward goto out) */
ADC_DIFF(wrt(c))
double cube_root(double c)
{
    double y = 1.0;
    int it = 0;
step:
    y = y - (y * y * y - c) / (3.0 * y * y);
    it++;
    if (fabs(y * y * y - c) < 1e-300)
        goto done;
    if (it < 6)
        goto step;
done:
    return y * c;
}

/* A sweep over y restarted from its start, twice, from inside the for loop */
ADC_DIFF(wrt(y), len(y: n))
double sweeps(int n, double *y)
{
    int pass = 0, k;
restart:
    pass++;
    for (k = 0; k < n; k++) {
        y[k] = sin(y[k]) + 0.5 * y[k] * y[(k + 1) % n];
        if (k == 1 && pass < 3)
            goto restart;
    }
    return y[0] * y[n - 1];
}

/* A label that a forward goto skips to and a backward goto returns to */
ADC_DIFF(wrt(x))
double halve(double x)
{
    if (x > 3.0)
        goto again;
    x = x * x;
again:
    x = 0.75 * x + 0.1 * sin(x);
    if (x > 1.0)
        goto again;
    return x * x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

doublereal sumsq_grad(integer n, doublereal *x, doublereal a, doublereal *x_grad, doublereal *a_grad);
doublereal sumsq_tangent(integer n, doublereal *x, const doublereal *x_d, doublereal a, doublereal a_d,
                         doublereal *sumsq_d);
doublereal sumsq_adjoint(integer n, doublereal *x, doublereal *x_b, doublereal a, doublereal *a_b,
                         doublereal sumsq_b);
double pairs_grad(int n, const double *x, double *x_grad);
double pairs_tangent(int n, const double *x, const double *x_d, double *pairs_d);
double pairs_adjoint(int n, const double *x, double *x_b, double pairs_b);
double cube_root_grad(double c, double *c_grad);
double cube_root_tangent(double c, double c_d, double *cube_root_d);
double cube_root_adjoint(double c, double *c_b, double cube_root_b);
double sweeps_grad(int n, double *y, double *y_grad);
double sweeps_tangent(int n, double *y, double *y_d, double *sweeps_d);
double sweeps_adjoint(int n, double *y, double *y_b, double sweeps_b);
double halve_grad(double x, double *x_grad);
double halve_tangent(double x, double x_d, double *halve_d);
double halve_adjoint(double x, double *x_b, double halve_b);

enum { N = 4 };

/* sumsq: p = (x[0..N), a); x is the tail of a 1-based buffer, so sumsq's --x stays in it */
static double sumsq_f(const double *p, void *ctx) {
    double buf[N + 1] = {0.0}, *x = buf + 1;
    (void)ctx;
    for (int i = 0; i < N; i++)
        x[i] = p[i];
    return sumsq(N, x, p[N]);
}
static double sumsq_g(const double *p, double *g, void *ctx) {
    double buf[N + 1] = {0.0}, *x = buf + 1;
    (void)ctx;
    for (int i = 0; i < N; i++)
        x[i] = p[i];
    return sumsq_grad(N, x, p[N], g, &g[N]);
}
static double sumsq_t(const double *p, const double *v, double *dv, void *ctx) {
    double buf[N + 1] = {0.0}, *x = buf + 1;
    (void)ctx;
    for (int i = 0; i < N; i++)
        x[i] = p[i];
    return sumsq_tangent(N, x, v, p[N], v[N], dv);
}
static double sumsq_a(const double *p, double *pb, double seed, void *ctx) {
    double buf[N + 1] = {0.0}, *x = buf + 1;
    (void)ctx;
    for (int i = 0; i < N; i++)
        x[i] = p[i];
    return sumsq_adjoint(N, x, pb, p[N], &pb[N], seed);
}

static double pairs_f(const double *x, void *ctx) { (void)ctx; return pairs(N, x); }
static double pairs_g(const double *x, double *g, void *ctx) { (void)ctx; return pairs_grad(N, x, g); }
static double pairs_t(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return pairs_tangent(N, x, v, dv);
}
static double pairs_a(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return pairs_adjoint(N, x, xb, seed);
}

static double cube_f(const double *c, void *ctx) { (void)ctx; return cube_root(c[0]); }
static double cube_g(const double *c, double *g, void *ctx) { (void)ctx; return cube_root_grad(c[0], g); }
static double cube_t(const double *c, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return cube_root_tangent(c[0], v[0], dv);
}
static double cube_a(const double *c, double *cb, double seed, void *ctx) {
    (void)ctx;
    return cube_root_adjoint(c[0], cb, seed);
}

/* sweeps updates y in place: each route works on a copy */
static double sweeps_f(const double *y0, void *ctx) {
    double y[N];
    (void)ctx;
    for (int i = 0; i < N; i++)
        y[i] = y0[i];
    return sweeps(N, y);
}
static double sweeps_g(const double *y0, double *g, void *ctx) {
    double y[N];
    (void)ctx;
    for (int i = 0; i < N; i++)
        y[i] = y0[i];
    return sweeps_grad(N, y, g);
}
static double sweeps_t(const double *y0, const double *v, double *dv, void *ctx) {
    double y[N], y_d[N];
    (void)ctx;
    for (int i = 0; i < N; i++) {
        y[i] = y0[i];
        y_d[i] = v[i];
    }
    return sweeps_tangent(N, y, y_d, dv);
}
/* y_b on entry seeds y's final values: zero, so that it returns the adjoint of y0 alone */
static double sweeps_a(const double *y0, double *yb, double seed, void *ctx) {
    double y[N], y_b[N] = {0.0};
    (void)ctx;
    for (int i = 0; i < N; i++)
        y[i] = y0[i];
    double value = sweeps_adjoint(N, y, y_b, seed);
    for (int i = 0; i < N; i++)
        yb[i] += y_b[i];
    return value;
}

static double halve_f(const double *x, void *ctx) { (void)ctx; return halve(x[0]); }
static double halve_g(const double *x, double *g, void *ctx) { (void)ctx; return halve_grad(x[0], g); }
static double halve_t(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return halve_tangent(x[0], v[0], dv);
}
static double halve_a(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return halve_adjoint(x[0], xb, seed);
}

int main(void) {
    e2e_begin("goto_backward");
    double g[N + 1];
    const double p[N + 1] = {0.3, -0.7, 1.1, 0.4, 1.7};
    e2e_scalar s1 = {.label = "sumsq", .n = N + 1, .x = p, .f = sumsq_f, .grad = sumsq_g,
                     .tangent = sumsq_t, .adjoint = sumsq_a};
    e2e_run_scalar(&s1, g);
    e2e_expect_value("sumsq d/da", "closed form", g[N], 0.09 + 0.49 + 1.21 + 0.16, E2E_CLOSED_TOL);
    e2e_expect_value("sumsq d/dx2", "closed form", g[2], 2 * 1.7 * 1.1, E2E_CLOSED_TOL);
    const double x[N] = {0.3, -0.7, 1.1, 0.4};
    e2e_scalar s2 = {.label = "pairs", .n = N, .x = x, .f = pairs_f, .grad = pairs_g,
                     .tangent = pairs_t, .adjoint = pairs_a};
    e2e_run_scalar(&s2, g);
    const double c = 2.5;
    e2e_scalar s3 = {.label = "cube_root", .n = 1, .x = &c, .f = cube_f, .grad = cube_g,
                     .tangent = cube_t, .adjoint = cube_a};
    e2e_run_scalar(&s3, g);
    /* y = c^(1/3) after six steps: d(y c)/dc = (4/3) c^(1/3) */
    e2e_expect_value("cube_root", "closed form", g[0], 4.0 / 3.0 * cbrt(c), 1e-8);
    const double y[N] = {0.6, 0.2, -0.4, 0.9};
    e2e_scalar s4 = {.label = "sweeps", .n = N, .x = y, .f = sweeps_f, .grad = sweeps_g,
                     .tangent = sweeps_t, .adjoint = sweeps_a};
    e2e_run_scalar(&s4, g);
    const double starts[2] = {2.9, 3.4}; /* x * x first, or straight to the loop */
    for (int k = 0; k < 2; k++) {
        e2e_scalar s5 = {.label = k ? "halve from the label" : "halve", .n = 1, .x = &starts[k],
                         .f = halve_f, .grad = halve_g, .tangent = halve_t, .adjoint = halve_a};
        e2e_run_scalar(&s5, g);
    }
    return e2e_finish();
}
#endif
