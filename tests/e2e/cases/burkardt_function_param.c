/* John Burkardt's rk4vec takes the right-hand side as a parameter of function type, without
 * (*f): `double *f(double t, int m, double u[])`, which C adjusts to a pointer to function;
 * the rhs returns a malloc'd derivative vector. The step count comes from a function the file
 * only declares extern (defined in another file, here below in the test's main part), called
 * on an inactive path: the generated file must declare it. Tangent and adjoint/grad. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

extern int steps_for(int k);

double *lotka(double t, int m, double u[])
{
    double *up = (double *)malloc(m * sizeof(double));
    up[0] = 1.1 * u[0] - 0.4 * u[0] * u[1] + 0.1 * sin(t);
    up[1] = -0.4 * u[1] + 0.1 * u[0] * u[1];
    return up;
}

double *pendulum(double t, int m, double u[])
{
    double *up = (double *)malloc(m * sizeof(double));
    (void)t;
    up[0] = u[1];
    up[1] = -sin(u[0]) - 0.2 * u[1];
    return up;
}

double *rk4vec(double t0, int m, double u0[], double dt, double *f(double t, int m, double u[]))
{
    double *f0, *f1, *f2, *f3, *u1, *u2, *u3, *u;
    int i;

    f0 = f(t0, m, u0);
    u1 = (double *)malloc(m * sizeof(double));
    for (i = 0; i < m; i++)
        u1[i] = u0[i] + dt * f0[i] / 2.0;
    f1 = f(t0 + dt / 2.0, m, u1);
    u2 = (double *)malloc(m * sizeof(double));
    for (i = 0; i < m; i++)
        u2[i] = u0[i] + dt * f1[i] / 2.0;
    f2 = f(t0 + dt / 2.0, m, u2);
    u3 = (double *)malloc(m * sizeof(double));
    for (i = 0; i < m; i++)
        u3[i] = u0[i] + dt * f2[i];
    f3 = f(t0 + dt, m, u3);
    u = (double *)malloc(m * sizeof(double));
    for (i = 0; i < m; i++)
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

ADC_DIFF(wrt(u0), len(u0: 2))
double burkardt_function_param(const double u0[], int model, int k)
{
    double *u = (double *)malloc(2 * sizeof(double));
    double s;
    int i;

    u[0] = u0[0];
    u[1] = u0[1];
    for (i = 0; i < steps_for(k); i++) {
        double *v = rk4vec(0.1 * i, 2, u, 0.1, model ? pendulum : lotka);
        u[0] = v[0];
        u[1] = v[1];
        free(v);
    }
    s = u[0] * u[1] + u[0];
    free(u);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double burkardt_function_param_tangent(const double u0[], const double u0_d[], int model, int k,
                                       double *burkardt_function_param_d);
double burkardt_function_param_adjoint(const double u0[], double u0_b[], int model, int k,
                                       double burkardt_function_param_b);
double burkardt_function_param_grad(const double u0[], int model, int k, double *u0_grad);

int steps_for(int k) { return 4 * k; }

static int model;
static double primal(const double *x, void *p) {
    (void)p;
    return burkardt_function_param(x, model, 2);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return burkardt_function_param_grad(x, model, 2, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return burkardt_function_param_tangent(x, v, model, 2, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return burkardt_function_param_adjoint(x, xb, model, 2, seed);
}

int main(void) {
    e2e_begin("burkardt_function_param");
    static const char *const labels[] = {"lotka", "pendulum"};
    double x[2] = {1.5, 0.8};
    for (model = 0; model < 2; model++) {
        e2e_scalar s = {.label = labels[model], .n = 2, .x = x, .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
