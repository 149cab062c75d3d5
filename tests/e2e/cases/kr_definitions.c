/* K&R-era homework: old-style definitions (parameter types declared between the parameter
 * list and the body) for the annotated function and its helper; gradient against the closed
 * form, finite differences and the tangent. */
#include <math.h>
#include <adc.h>

static double cube(x)
    double x;
{
    return x * x * x;
}

ADC_DIFF(wrt(a, b))
double energy(a, b, n)
    double a, b;
    int n;
{
    double e = 0;
    int i;
    for (i = 1; i <= n; i++)
        e += cube(a / i) + b * sin(a * i);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double energy_tangent(double a, double a_d, double b, double b_d, int n, double *energy_d);
double energy_adjoint(double a, double *a_b, double b, double *b_b, int n, double energy_b);
double energy_grad(double a, double b, int n, double *a_grad, double *b_grad);

enum { N = 4 };

static double primal(const double *w, void *p) {
    (void)p;
    return energy(w[0], w[1], N);
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return energy_grad(w[0], w[1], N, &g[0], &g[1]);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return energy_tangent(w[0], v[0], w[1], v[1], N, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return energy_adjoint(w[0], &wb[0], w[1], &wb[1], N, seed);
}

int main(void) {
    e2e_begin("kr_definitions");
    const double w[2] = {0.7, -1.3};
    double g[2];
    e2e_scalar s = {.label = "energy", .n = 2, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double ref[2] = {0.0, 0.0};
    for (int i = 1; i <= N; i++) {
        ref[0] += 3.0 * w[0] * w[0] / ((double)i * i * i) + w[1] * i * cos(w[0] * i);
        ref[1] += sin(w[0] * i);
    }
    e2e_expect_close(s.label, "grad vs closed form", g, ref, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
