/* OpenMP pragmas with comments after the directive or between clauses, as codes write them
 * (`#pragma omp parallel for reduction(+ : s) // sum`): adc read a comment as a clause and
 * refused it. A parallel loop with a reduction and an atomic update in another. Checked
 * against finite differences, the dot-product test (tangent vs gradient) and the serial result
 * (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_pragma_comments(int n, const double *x)
{
    double s = 0.0, e = 0.0;
#pragma omp parallel for reduction(+ : s) /* rows */ schedule(static) // all of them
    for (int i = 0; i < n; i++)
        s += x[i] * cos(x[(i + 2) % n]);
#pragma omp parallel for // weights
    for (int i = 0; i < n; i++) {
#pragma omp atomic /* shared */
        e += x[i] * x[i] * (1.0 + 0.1 * i);
    }
    return s * e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_pragma_comments_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_pragma_comments_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_pragma_comments_grad(int n, const double *x, double *x_grad);

enum { N = 29 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_pragma_comments(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_pragma_comments_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_pragma_comments_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_pragma_comments_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_pragma_comments");
    double x[N];
    e2e_fill(x, N, 13, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_pragma_comments", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
