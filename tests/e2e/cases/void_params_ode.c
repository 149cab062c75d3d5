/* GSL's ODE idiom: the right-hand side `int (*)(double t, const double y[], double dydt[],
 * void *params)` casts its `void *params` back to its parameter struct, and an RK4 driver
 * passes the pointer through untouched. With the parameters active (taken from x) the
 * derivative goes through the void pointer: it is the shadow of the struct it was made from
 * (void_context.c types the pointer); with constant parameters it carries none. Both were
 * refused ("'rk4' receives memory that carries derivatives through 'params'"). FD and the
 * dot-product test in tangent, adjoint and grad, hvp against FD of the gradient, and the
 * vector tangent against the gradient. */
#include <adc.h>

typedef int (*rhs_fn)(double t, const double y[], double dydt[], void *params);

struct vdp_params {
    double mu, omega;
};

int van_der_pol(double t, const double y[], double dydt[], void *params)
{
    const struct vdp_params *p = (const struct vdp_params *)params;
    (void)t;
    dydt[0] = y[1];
    dydt[1] = -p->omega * p->omega * y[0] - p->mu * y[1] * (y[0] * y[0] - 1.0);
    return 0;
}

static void rk4(rhs_fn f, void *params, double t, double h, int dim, double *y)
{
    double k1[2], k2[2], k3[2], k4[2], tmp[2];
    f(t, y, k1, params);
    for (int i = 0; i < dim; i++)
        tmp[i] = y[i] + 0.5 * h * k1[i];
    f(t + 0.5 * h, tmp, k2, params);
    for (int i = 0; i < dim; i++)
        tmp[i] = y[i] + 0.5 * h * k2[i];
    f(t + 0.5 * h, tmp, k3, params);
    for (int i = 0; i < dim; i++)
        tmp[i] = y[i] + h * k3[i];
    f(t + h, tmp, k4, params);
    for (int i = 0; i < dim; i++)
        y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
}

static double integrate(void *params, double y0, double v0, double h)
{
    double y[2] = {y0, v0};
    for (int s = 0; s < 25; s++)
        rk4(van_der_pol, params, s * h, h, 2, y);
    return y[0] * y[0] + 0.5 * y[1];
}

/* x = (y0, v0, mu, omega): the parameters are active. */
ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad, hvp))
double void_params_ode(const double *x)
{
    struct vdp_params p = {x[2], x[3]};
    return integrate(&p, x[0], x[1], 0.04);
}

ADC_DIFF(wrt(x), len(x: 4), modes(tangent_vector), vector(4))
double void_params_ode_vector(const double *x)
{
    return void_params_ode(x);
}

/* Constant parameters through the same void *: x = (y0, v0, h). */
ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad))
double void_params_ode_passive(const double *x)
{
    struct vdp_params p = {1.5, 0.8};
    return integrate(&p, x[0], x[1], 0.04 + 0.01 * x[2]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double void_params_ode_tangent(const double *x, const double *x_d, double *f_d);
double void_params_ode_adjoint(const double *x, double *x_b, double f_b);
double void_params_ode_grad(const double *x, double *x_grad);
int void_params_ode_hvp(const double *x, const double *x_v, double *x_hv);
double void_params_ode_vector_tangent_vector(const double *x, const double x_d[][4], double f_d[4]);
double void_params_ode_passive_tangent(const double *x, const double *x_d, double *f_d);
double void_params_ode_passive_adjoint(const double *x, double *x_b, double f_b);
double void_params_ode_passive_grad(const double *x, double *x_grad);

static double primal(const double *x, void *c) { (void)c; return void_params_ode(x); }
static double grad(const double *x, double *g, void *c) { (void)c; return void_params_ode_grad(x, g); }
static void gradient(const double *x, double *g, void *c) { (void)c; void_params_ode_grad(x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_ode_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_ode_adjoint(x, xb, seed);
}
static double passive(const double *x, void *c) { (void)c; return void_params_ode_passive(x); }
static double passive_grad(const double *x, double *g, void *c) { (void)c; return void_params_ode_passive_grad(x, g); }
static double passive_tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return void_params_ode_passive_tangent(x, v, dv);
}
static double passive_adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return void_params_ode_passive_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("void_params_ode");
    const double x[4] = {0.9, -0.3, 1.2, 0.8};
    double g[4];
    e2e_scalar s = {.label = "active parameters", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double v[4] = {0.6, -0.8, 0.3, 0.5}, hv[4];
    void_params_ode_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(4, 4, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("active parameters", "Hessian-vector product vs finite differences of the gradient", st, &r);
    double unit[4][4] = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, columns[4];
    void_params_ode_vector_tangent_vector(x, unit, columns);
    e2e_expect_close("active parameters", "vector tangent vs gradient", columns, g, 4, E2E_EXACT_TOL);
    const double xp[3] = {0.9, -0.3, 0.5};
    e2e_scalar sp = {.label = "constant parameters", .n = 3, .x = xp, .f = passive, .grad = passive_grad,
                     .tangent = passive_tangent, .adjoint = passive_adjoint};
    e2e_run_scalar(&sp, NULL);
    return e2e_finish();
}
#endif
