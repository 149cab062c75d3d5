/* Chained stores into elements of one array, as boundary conditions and initializations are
 * written (`t[0] = t[1] = v;`, `u[0][j] = u[n - 1][j] = 0.5 * u[1][j];`, `w[i - 1] = w[i] =
 * w[i] * x[0];`): the outer target is only written, so no order of C's is in question (adc
 * refused them as unordered before). Every mode against finite differences and the
 * dot-product test; the Hessian-vector product against differences of the gradient. */
#include <adc.h>

#define N 4

static void ghost_cells(double u[][3], int n)
{
    for (int j = 0; j < 3; j++)
        u[0][j] = u[n - 1][j] = 0.5 * u[1][j];
}

ADC_DIFF(wrt(x), len(x: 5), modes(tangent, adjoint, grad, hvp))
double chained_element_stores(const double *x)
{
    double t[N], u[N][3], w[N];
    t[0] = t[1] = x[4] * x[0];
    t[2] = t[3] = t[1] * x[3];
    for (int i = 0; i < N; i++)
        w[i] = x[i] + 0.25 * i;
    for (int i = 1; i < N; i++)
        w[i - 1] = w[i] = w[i] * x[i];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < 3; j++)
            u[i][j] = x[i] * (j + 1) + t[i];
    ghost_cells(u, N);
    return t[0] * t[3] + t[2] + u[0][1] * u[N - 1][2] + u[2][0] * w[0] + w[2] * w[N - 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double chained_element_stores_tangent(const double *x, const double *x_d, double *f_d);
double chained_element_stores_adjoint(const double *x, double *x_b, double f_b);
double chained_element_stores_grad(const double *x, double *x_grad);
int chained_element_stores_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return chained_element_stores(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return chained_element_stores_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return chained_element_stores_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return chained_element_stores_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    chained_element_stores_grad(x, g);
}

int main(void) {
    e2e_begin("chained_element_stores");
    const double x[5] = {0.7, -1.3, 0.4, 1.1, 0.9};
    e2e_scalar s = {.label = "chained_element_stores", .n = 5, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[5];
    e2e_run_scalar(&s, g);
    /* closed form of d/dx4 (t0 = t1 = x4 x0, t2 = t3 = t1 x3; u and w also read t) is long:
     * the second route is the dot-product test above and the Hessian below */
    double v[5] = {0.6, -0.8, 0.3, 0.5, -0.2}, hv[5];
    chained_element_stores_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(5, 5, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
