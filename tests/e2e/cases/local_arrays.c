/* Local arrays (zeroed, accumulated, overwritten in place over several sweeps), a parameter array indexed with computed subscripts x[i*m+j] and x[i*m+(j+1)%m], reversed indices. */
#include <math.h>
#include <adc.h>

#define MAXM 8

ADC_DIFF(wrt(x), len(x: n * m))
double local_arrays(int n, int m, const double *x)
{
    double colsum[MAXM];
    for (int j = 0; j < m; j++)
        colsum[j] = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            colsum[j] += x[i * m + j] * x[i * m + (j + 1) % m];
    double w[MAXM];
    for (int j = 0; j < m; j++)
        w[j] = colsum[m - 1 - j] * (j + 1);
    double s = 0.0;
    for (int j = 0; j < m; j++)
        s += w[j] * w[j] / (1.0 + colsum[j] * colsum[j]);
    for (int sweep = 0; sweep < 3; sweep++)
        for (int j = 0; j < m; j++)
            w[j] = sin(w[j]) + 0.5 * w[(j + sweep + 1) % m];
    for (int j = 0; j < m; j++)
        s += w[j] * x[j];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double local_arrays_tangent(int n, int m, const double *x, const double *x_d,
                            double *local_arrays_d);
double local_arrays_adjoint(int n, int m, const double *x, double *x_b, double local_arrays_b);
double local_arrays_grad(int n, int m, const double *x, double *x_grad);

#define N 4
#define M 5
static double primal(const double *x, void *p) {
    (void)p;
    return local_arrays(N, M, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return local_arrays_grad(N, M, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return local_arrays_tangent(N, M, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return local_arrays_adjoint(N, M, x, xb, seed);
}

int main(void) {
    e2e_begin("local_arrays");
    double x[N * M];
    e2e_fill(x, N * M, 31u, -1.0, 1.0);
    e2e_scalar s = {.label = "4x5", .n = N * M, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
