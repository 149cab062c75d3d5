/* Burkardt's rk4vec driver as he writes it: the right-hand side is a parameter of function
 * type returning a new malloc'd derivative vector, the stepper returns a new malloc'd state,
 * and the loop frees the old state and takes the new one, `u1 = rk4vec(...); free(u0);
 * u0 = u1;` (a heap pointer copied from another: u0's shadow becomes u1's). Tangent, vector
 * tangent, adjoint and grad against finite differences and the dot-product test; ASan finds
 * any block or shadow left unfreed. heap_copy_alias writes the block through one name after
 * reading it through the other: reverse mode must tape the overwritten element; it frees a
 * block through a helper, and its Hessian-vector product is checked too. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

double *humps(double t, int m, double u[])
{
    double *uprime = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        uprime[i] = -u[i] * u[(i + 1) % m] + sin(t * u[i]);
    return uprime;
}

double *rk4vec(double t0, int m, double u0[], double dt, double *f(double t, int m, double u[]))
{
    double *f0 = f(t0, m, u0);
    double *u1 = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        u1[i] = u0[i] + dt * f0[i] / 2.0;
    double *f1 = f(t0 + dt / 2.0, m, u1);
    double *u2 = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        u2[i] = u0[i] + dt * f1[i] / 2.0;
    double *f2 = f(t0 + dt / 2.0, m, u2);
    double *u3 = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        u3[i] = u0[i] + dt * f2[i];
    double *f3 = f(t0 + dt, m, u3);
    double *u = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        u[i] = u0[i] + dt * (f0[i] + 2.0 * f1[i] + 2.0 * f2[i] + f3[i]) / 6.0;
    free(f0);
    free(f1);
    free(f2);
    free(f3);
    free(u1);
    free(u2);
    free(u3);
    return u;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double heap_swap_blocks(const double *x)
{
    double *u0 = malloc(3 * sizeof(double));
    double *u1;
    double t0 = 0.0, dt = 0.1;
    for (int i = 0; i < 3; i++)
        u0[i] = x[i];
    for (int k = 0; k < 5; k++) {
        u1 = rk4vec(t0, 3, u0, dt, humps);
        free(u0);
        u0 = u1;
        t0 = t0 + dt;
    }
    double r = u0[0] * u0[1] + u0[2] * u0[2];
    free(u0);
    return r;
}

static void release(double *block)
{
    free(block);
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double heap_copy_alias(const double *x)
{
    double *b = malloc(2 * sizeof(double));
    double *a = malloc(2 * sizeof(double));
    b[0] = x[0];
    b[1] = x[1];
    release(a);
    a = b;
    double s = sin(b[0]) * b[1];
    a[0] = 3.0 * x[1];
    s += a[0] * b[0];
    free(b);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_swap_blocks_tangent(const double *x, const double *x_d, double *f_d);
double heap_swap_blocks_tangent_vector(const double *x, const double (*x_d)[2], double (*f_d)[2]);
double heap_swap_blocks_adjoint(const double *x, double *x_b, double f_b);
double heap_swap_blocks_grad(const double *x, double *x_grad);

double heap_copy_alias_tangent(const double *x, const double *x_d, double *f_d);
double heap_copy_alias_adjoint(const double *x, double *x_b, double f_b);
double heap_copy_alias_grad(const double *x, double *x_grad);
int heap_copy_alias_hvp(const double *x, const double *x_v, double *x_hv);

static void alias_gradient(const double *x, double *g, void *p) {
    (void)p;
    heap_copy_alias_grad(x, g);
}

static double alias_primal(const double *x, void *p) { (void)p; return heap_copy_alias(x); }
static double alias_grad(const double *x, double *g, void *p) { (void)p; return heap_copy_alias_grad(x, g); }
static double alias_tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_copy_alias_tangent(x, v, dv);
}
static double alias_adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_copy_alias_adjoint(x, xb, seed);
}

static double primal(const double *x, void *p) { (void)p; return heap_swap_blocks(x); }
static double grad(const double *x, double *g, void *p) { (void)p; return heap_swap_blocks_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_swap_blocks_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_swap_blocks_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("heap_swap_blocks");
    double x[3] = {0.7, -0.4, 0.9};
    e2e_scalar s = {.label = "rk4vec", .n = 3, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[3];
    e2e_run_scalar(&s, g);
    double dirs[3][2] = {{1.0, 0.5}, {0.0, -1.0}, {2.0, 0.25}}, dv[2];
    heap_swap_blocks_tangent_vector(x, (const double (*)[2])dirs, &dv);
    for (int w = 0; w < 2; w++) {
        double want = g[0] * dirs[0][w] + g[1] * dirs[1][w] + g[2] * dirs[2][w];
        e2e_expect_value("rk4vec", "vector tangent = grad . direction", dv[w], want, 1e-12);
    }
    double y[2] = {0.7, -0.4};
    e2e_scalar alias = {.label = "alias", .n = 2, .x = y, .f = alias_primal, .grad = alias_grad,
                        .tangent = alias_tangent, .adjoint = alias_adjoint};
    e2e_run_scalar(&alias, NULL);
    double v[2] = {0.6, -1.1}, hv[2];
    e2e_expect_value("alias", "hvp returns 0", heap_copy_alias_hvp(y, v, hv), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(2, 2, y, v, hv, alias_gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("alias", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
