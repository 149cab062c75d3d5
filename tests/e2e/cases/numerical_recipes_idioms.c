/* Idioms of Numerical Recipes in C and GSL-style drivers: the step's coefficients as non-const
 * static locals the function never writes (rkck's `static float a2=0.2,...`), DMAX/DMIN
 * macros that assign globals and locals inside a comma expression (nrutil.h), a stepper
 * passed as a pointer parameter named like one of its targets (odeint's `rkqs`), parameters
 * through `void *params` that the rhs casts back (GSL's odeiv2), and an error exit through
 * fprintf(stderr, ...) on a path not taken; in tangent and adjoint/grad. Needs libclang >= 17
 * (operators inside DMAX and DMIN). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

double dmaxarg1, dmaxarg2;
#define DMAX(a, b) (dmaxarg1 = (a), dmaxarg2 = (b), (dmaxarg1) > (dmaxarg2) ? (dmaxarg1) : (dmaxarg2))
#define DMIN(a, b) (lo1 = (a), lo2 = (b), lo1 < lo2 ? lo1 : lo2)

typedef void (*stepper)(double *y, double h, void *params);

struct rates {
    double k, c;
};

void nrerror(const char *text)
{
    fprintf(stderr, "run-time error: %s\n", text);
    exit(1);
}

static double rhs(double y, void *params)
{
    const struct rates *r = (const struct rates *)params;
    return -r->k * y + r->c * sin(y);
}

void euler(double *y, double h, void *params)
{
    static double half = 0.5; /* never written: a constant */
    *y += h * rhs(*y, params) * (half + half);
}

void heun(double *y, double h, void *params)
{
    static double a = 0.5, b = 1.0;
    double k1 = rhs(*y, params), k2 = rhs(*y + b * h * k1, params);
    *y += a * h * (k1 + k2);
}

static double advance(double y, int n, double h, stepper heun, void *params)
{
    for (int i = 0; i < n; i++)
        (*heun)(&y, h, params);
    if (y != y)
        nrerror("not a number");
    return y;
}

ADC_DIFF(wrt(x), len(x: 3))
double numerical_recipes_idioms(const double *x, int method, void *params)
{
    double lo1, lo2, s = 0.0;
    double y = advance(x[0], 5, 0.1, method ? heun : euler, params);
    s = DMAX(y * x[1], x[2] * x[2]) + DMIN(y + x[1], sin(x[2]));
    return s + y;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double numerical_recipes_idioms_tangent(const double *x, const double *x_d, int method, void *params,
                                        double *numerical_recipes_idioms_d);
double numerical_recipes_idioms_adjoint(const double *x, double *x_b, int method, void *params,
                                        double numerical_recipes_idioms_b);
double numerical_recipes_idioms_grad(const double *x, int method, void *params, double *x_grad);

static struct rates rates = {0.8, 0.3};
static int method;

static double primal(const double *x, void *p) {
    (void)p;
    return numerical_recipes_idioms(x, method, &rates);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return numerical_recipes_idioms_grad(x, method, &rates, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return numerical_recipes_idioms_tangent(x, v, method, &rates, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return numerical_recipes_idioms_adjoint(x, xb, method, &rates, seed);
}

int main(void) {
    e2e_begin("numerical_recipes_idioms");
    static const char *const labels[] = {"euler", "heun"};
    double x[2][3] = {{0.9, 0.4, 0.7}, {1.3, 2.0, -0.3}};
    for (method = 0; method < 2; method++)
        for (int k = 0; k < 2; k++) {
            e2e_scalar s = {.label = labels[method], .n = 3, .x = x[k], .f = primal,
                            .grad = grad, .tangent = tangent, .adjoint = adjoint};
            e2e_run_scalar(&s, NULL);
        }
    return e2e_finish();
}
#endif
