/* Function pointers to static functions: the generated file, made with --include-source,
 * includes the source and can compare a pointer with them (without it they are refused:
 * tests/bad/function_pointer_static_target.c). A heat rod whose boundary values come from
 * callbacks chosen in the caller. */
#include <math.h>
#include <adc.h>

typedef double (*bc_fn)(double t, double a);

static double bc_sine(double t, double a) { return a * sin(3.0 * t); }
static double bc_hold(double t, double a) { (void)t; return a * a; }

ADC_DIFF(wrt(u0, a), len(u0: 6))
double rod(const double *u0, double a, bc_fn left, bc_fn right)
{
    double u[6], next[6];
    for (int i = 0; i < 6; i++)
        u[i] = u0[i];
    for (int step = 0; step < 5; step++) {
        double t = 0.05 * step;
        u[0] = left(t, a);
        u[5] = right(t, 0.5 * a);
        for (int i = 1; i < 5; i++)
            next[i] = u[i] + 0.2 * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        for (int i = 1; i < 5; i++)
            u[i] = next[i];
    }
    double s = 0.0;
    for (int i = 0; i < 6; i++)
        s += u[i] * u[i];
    return s;
}

/* The source takes the callbacks' addresses here (adc sees the test's main part below only as
 * part of the generated file: the addresses it takes there are not adc's candidates). */
double rod_default(const double *u0, double a) { return rod(u0, a, bc_sine, bc_hold); }

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rod_tangent(const double *u0, const double *u0_d, double a, double a_d, bc_fn left, bc_fn right, double *rod_d);
double rod_grad(const double *u0, double a, bc_fn left, bc_fn right, double *u0_grad, double *a_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return rod(x, x[6], bc_sine, bc_hold);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return rod_grad(x, x[6], bc_sine, bc_hold, g, &g[6]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return rod_tangent(x, v, x[6], v[6], bc_sine, bc_hold, dv);
}

int main(void) {
    e2e_begin("function_pointers_static_include_source");
    double x[7];
    e2e_fill(x, 7, 19u, -1.0, 1.0);
    e2e_scalar s = {.label = "static boundary callbacks", .n = 7, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
