/* A parallel region of worksharing loops: `#pragma omp parallel` with shared, private and
 * reduction clauses around three `#pragma omp for` loops, the first with nowait (the second
 * does not read what it writes). adc reads each as a `parallel for` with the region's clauses
 * (the region holds nothing else, so each loop runs as a parallel loop of its own would).
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_region(int n, const double *x)
{
    double s = 0.0, q = 0.0, t;
#pragma omp parallel default(shared) private(t) reduction(+ : s)
    {
#pragma omp for schedule(static) nowait
        for (int i = 0; i < n; i++) {
            t = sin(x[i]) * x[(i + 3) % n]; /* a comment with { a brace */
            s += t * t;
        }
#pragma omp for reduction(+ : q)
        for (int i = 1; i < n; i++)
            q += x[i] * x[i - 1];

#pragma omp for
        for (int i = 0; i < n; i += 2)
            s += exp(0.2 * x[i]) * q; /* "}" */
    }
    return s + q * q;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_region_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_region_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_region_grad(int n, const double *x, double *x_grad);

enum { N = 41 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_region(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_region_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_region_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_region_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_region");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_region", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
