/* A row-pointer matrix allocated in the function that holds no derivative: weights computed
 * from the indices alone, read by active statements (difftest class rows, seed 5200007). Its
 * rows are allocated in a counting loop that nothing active depends on; the forward sweep
 * frees nothing and the backward sweep must still reverse that loop to free each row (it
 * freed the table alone: every row leaked, LeakSanitizer in the CI's -DADC_SANITIZE=ON build).
 * Checked in tangent, adjoint and grad against finite differences and each other. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double heap_row_matrix_passive(int n, const double *x)
{
    double **w = malloc((size_t)n * sizeof *w);
    for (int i = 0; i < n; i++)
        w[i] = malloc((size_t)n * sizeof **w);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            w[i][j] = 1.0 / (1.0 + i + 2 * j);
    double s = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            s += w[i][j] * sin(x[i] * x[j]);
    for (int i = 0; i < n; i++)
        free(w[i]);
    free(w);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_row_matrix_passive_tangent(int n, const double *x, const double *x_d, double *heap_row_matrix_passive_d);
double heap_row_matrix_passive_adjoint(int n, const double *x, double *x_b, double heap_row_matrix_passive_b);
double heap_row_matrix_passive_grad(int n, const double *x, double *x_grad);

#define N 4
static double primal(const double *x, void *p) {
    (void)p;
    return heap_row_matrix_passive(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return heap_row_matrix_passive_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_row_matrix_passive_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_row_matrix_passive_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_row_matrix_passive");
    double x[N];
    e2e_fill(x, N, 37u, -0.9, 0.9);
    e2e_scalar s = {.label = "heap_row_matrix_passive", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
