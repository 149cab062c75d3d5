/* Heap memory through a function pointer: an Euler stepper in the style of Burkardt's rk codes
 * takes the right-hand side as a pointer to a function that returns a new malloc'd derivative
 * vector, frees it, and returns a new malloc'd state the caller frees. The dispatch on the
 * pointer passes each block's shadow on (tangent) and the backward sweep of the function that
 * allocated a block frees it. FD, dot-product test, adjoint seed; ASan finds any leak. */
#include <stdlib.h>
#include <adc.h>

double *decay(double t, int m, double u[])
{
    double *up = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        up[i] = -0.5 * u[i] * u[(i + 1) % m] + t;
    return up;
}

double *euler_step(double t0, int m, double u0[], double dt, double *(*f)(double t, int m, double u[]))
{
    double *f0 = f(t0, m, u0);
    double *u = malloc(m * sizeof(double));
    for (int i = 0; i < m; i++)
        u[i] = u0[i] + dt * f0[i];
    free(f0);
    return u;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad))
double heap_function_pointer(double *x)
{
    double r = 0.0, t = 0.0;
    for (int k = 0; k < 4; k++) {
        double *u = euler_step(t, 3, x, 0.1, decay);
        for (int i = 0; i < 3; i++)
            x[i] = u[i];
        free(u);
        r += x[0] * x[1] + x[2];
        t += 0.1;
    }
    return r;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double heap_function_pointer_tangent(double *x, double *x_d, double *f_d);
double heap_function_pointer_adjoint(double *x, double *x_b, double f_b);
double heap_function_pointer_grad(double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    double u[3];
    memcpy(u, x, sizeof u);
    return heap_function_pointer(u);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    double u[3];
    memcpy(u, x, sizeof u);
    return heap_function_pointer_grad(u, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    double u[3], u_d[3];
    memcpy(u, x, sizeof u);
    memcpy(u_d, v, sizeof u_d);
    return heap_function_pointer_tangent(u, u_d, dv);
}

int main(void) {
    e2e_begin("heap_function_pointer");
    double x[3] = {0.4, -0.3, 0.8};
    e2e_scalar s = {.label = "euler", .n = 3, .x = x, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
