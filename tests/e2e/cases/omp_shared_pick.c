/* A variable shared by the trips of a parallel loop that one trip alone writes (the value at a
 * chosen index): a valid OpenMP program, whose adjoint adds to that variable's adjoint on that
 * trip. The backward loop must not make the adjoint private to each trip (adc bug 100: it
 * did, dropping the pivot's adjoint); it runs serially. Checked against finite differences,
 * the dot-product test (tangent vs gradient) and the serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_shared_pick(int n, const double *x)
{
    double s = 0.0, pivot = 0.0;
    int k = n / 3;
#pragma omp parallel for reduction(+ : s)
    for (int i = 0; i < n; i++) {
        s += x[i] * x[i];
        if (i == k)
            pivot = sin(x[i]) * x[(i + 1) % n];
    }
    return s * pivot;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_shared_pick_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_shared_pick_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_shared_pick_grad(int n, const double *x, double *x_grad);

enum { N = 37 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_shared_pick(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_shared_pick_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_shared_pick_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_shared_pick_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_shared_pick");
    double x[N];
    e2e_fill(x, N, 11, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_shared_pick", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
