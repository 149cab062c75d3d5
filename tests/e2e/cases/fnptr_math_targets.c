/* Function pointers to math.h functions (lower_fnptr.c): a quadrature given sin, exp or a user
 * function (`integrate(sin, a, b)`), a table of activations {tanh, atan, softsign}, a float
 * pointer given sinf or expf (in a function of its own, first order at float's tolerances), and a
 * two-argument pointer given pow, atan2 or hypot. Each call
 * through a pointer dispatches to the function's derivative rule as a direct call would.
 * Gradient checked against finite differences and tangent vs adjoint, the Hessian-vector
 * product (second order reads the generated code back) against differences of the gradient
 * and for symmetry, the vector tangent against the scalar one. */
#include <math.h>
#include <adc.h>

typedef double (*unary)(double);
typedef float (*unary_f)(float);
typedef double (*binary)(double, double);

double softsign(double v) { return v / (1.0 + fabs(v)); }

static double integrate(unary g, double a, double b, int n) {
    double h = (b - a) / n, s = 0.5 * (g(a) + g(b));
    for (int i = 1; i < n; i++)
        s += g(a + i * h);
    return s * h;
}

static float scaled(unary_f g, float v) { return 2.0f * g(0.5f * v); }

static double combine(binary g, double u, double v) { return g(u, v); }

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double fnptr_math(int n, const double *x) {
    static const unary acts[3] = {tanh, atan, softsign};
    double s = integrate(sin, 0.0, x[0], 8) + integrate(exp, x[1], x[2], 6) + integrate(softsign, x[0], x[3], 4);
    for (int k = 0; k < n; k++)
        s += acts[k % 3](x[k] * x[(k + 1) % n]);
    s += combine(pow, 1.5 + x[0] * x[0], x[3]) + combine(atan2, x[1], 2.0 + x[2]) + combine(hypot, x[0], x[3]);
    return s;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double fnptr_math_float(int n, const double *x) {
    (void)n;
    return scaled(x[1] > 0.0 ? sinf : expf, (float)x[2]) + x[0] * scaled(expf, (float)x[3]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fnptr_math_tangent(int n, const double *x, const double *x_d, double *fnptr_math_d);
double fnptr_math_tangent_vector(int n, const double *x, const double (*x_d)[2], double *fnptr_math_d);
double fnptr_math_adjoint(int n, const double *x, double *x_b, double fnptr_math_b);
double fnptr_math_grad(int n, const double *x, double *x_grad);
int fnptr_math_hvp(int n, const double *x, const double *x_v, double *x_hv);
double fnptr_math_float_tangent(int n, const double *x, const double *x_d, double *fnptr_math_float_d);
double fnptr_math_float_adjoint(int n, const double *x, double *x_b, double fnptr_math_float_b);
double fnptr_math_float_grad(int n, const double *x, double *x_grad);

#define N 5

static double primal(const double *x, void *p) { (void)p; return fnptr_math(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return fnptr_math_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return fnptr_math_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return fnptr_math_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return fnptr_math_hvp(N, x, v, hv);
}

static double primal_f(const double *x, void *p) { (void)p; return fnptr_math_float(N, x); }
static double grad_f(const double *x, double *g, void *p) { (void)p; return fnptr_math_float_grad(N, x, g); }
static double tangent_f(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return fnptr_math_float_tangent(N, x, v, dv);
}
static double adjoint_f(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return fnptr_math_float_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("fnptr_math_targets");
    double x[N] = {0.7, 0.4, -0.3, 0.9, 0.2};
    e2e_scalar s = {.label = "fnptr_math", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    /* in float: single-precision rounding (tests/e2e/e2e.h) */
    e2e_scalar sf = {.label = "fnptr_math_float", .n = N, .x = x, .f = primal_f, .grad = grad_f,
                     .tangent = tangent_f, .adjoint = adjoint_f, .fd_tol = E2E_FLOAT_FD_TOL,
                     .exact_tol = E2E_FLOAT_EXACT_TOL};
    e2e_run_scalar(&sf, NULL);
    /* the vector tangent's two directions against the scalar tangent along each */
    double v[2][N], dirs[N][2], vec[2], one;
    e2e_fill(v[0], N, 31u, -1.0, 1.0);
    e2e_fill(v[1], N, 37u, -1.0, 1.0);
    for (int i = 0; i < N; i++)
        dirs[i][0] = v[0][i], dirs[i][1] = v[1][i];
    fnptr_math_tangent_vector(N, x, (const double (*)[2])dirs, vec);
    for (int k = 0; k < 2; k++) {
        fnptr_math_tangent(N, x, v[k], &one);
        e2e_expect_value("fnptr_math", k ? "vector tangent, direction 2" : "vector tangent, direction 1", vec[k],
                         one, E2E_EXACT_TOL);
    }
    return e2e_finish();
}
#endif
