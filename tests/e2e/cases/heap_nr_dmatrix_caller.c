/* Numerical Recipes' contiguous dmatrix (nrutil.c: one block for all elements, the row
 * pointers pointing into it, m[i] = m[i-1] + ncol, rows and columns indexed from 1) allocated
 * by the caller and given to the function differentiated as `double **a`: the function only
 * indexes it (a[i][j], 1..n), and its shadow is the caller's, a dmatrix of the same shape
 * (a_d, a_b), so the one block behind the rows changes nothing for adc. Tangent and adjoint
 * (f_grad would zero rows 0..len-1, which a 1-based matrix does not have: the caller zeroes its
 * own shadow dmatrix) against finite differences and the dot-product test. A dmatrix allocated
 * by a function adc differentiates stays refused (tests/bad/nr_dmatrix_contiguous.c). */
#include <adc.h>

ADC_DIFF(wrt(a), len(a: n + 1, a[]: n + 1), modes(tangent, adjoint))
double heap_nr_dmatrix_caller(double **a, int n)
{
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= n; j++)
            s += a[i][j] * a[j][i] * (i + 0.5 * j) + (i == j ? a[i][j] * a[i][j] * a[i][j] : 0.0);
    return s;
}

#ifdef ADC_E2E_MAIN
#include <stdlib.h>
#include "../e2e.h"

#define NR_END 1
#define N 4

double heap_nr_dmatrix_caller_tangent(double **a, double **a_d, int n, double *f_d);
double heap_nr_dmatrix_caller_adjoint(double **a, double **a_b, int n, double f_b);

/* nrutil.c's dmatrix, zeroed: m[nrl..nrh][ncl..nch] in one block. */
static double **dmatrix(long nrl, long nrh, long ncl, long nch) {
    long nrow = nrh - nrl + 1, ncol = nch - ncl + 1;
    double **m = (double **)malloc((size_t)((nrow + NR_END) * sizeof(double *)));
    if (!m)
        exit(1);
    m += NR_END;
    m -= nrl;
    m[nrl] = (double *)calloc((size_t)(nrow * ncol + NR_END), sizeof(double));
    if (!m[nrl])
        exit(1);
    m[nrl] += NR_END;
    m[nrl] -= ncl;
    for (long i = nrl + 1; i <= nrh; i++)
        m[i] = m[i - 1] + ncol;
    return m;
}

static void free_dmatrix(double **m, long nrl, long ncl) {
    free(m[nrl] + ncl - NR_END);
    free(m + nrl - NR_END);
}

/* The matrix element k (row-major from a[1][1]) of m. */
static double *element(double **m, int k) { return &m[1 + k / N][1 + k % N]; }

/* The primal on the packed elements x[0..N*N). */
static double f(const double *x, void *p) {
    (void)p;
    double **a = dmatrix(1, N, 1, N);
    for (int k = 0; k < N * N; k++)
        *element(a, k) = x[k];
    double value = heap_nr_dmatrix_caller(a, N);
    free_dmatrix(a, 1, 1);
    return value;
}

int main(void) {
    e2e_begin("heap_nr_dmatrix_caller");
    double x[N * N], v[N * N], g[N * N], dv = 0.0;
    e2e_fill(x, N * N, 1u, -1.0, 1.0);
    e2e_fill(v, N * N, 2u, -1.0, 1.0);
    double **a = dmatrix(1, N, 1, N), **a_d = dmatrix(1, N, 1, N), **a_b = dmatrix(1, N, 1, N);
    for (int k = 0; k < N * N; k++) {
        *element(a, k) = x[k];
        *element(a_d, k) = v[k];
    }
    double ft = heap_nr_dmatrix_caller_tangent(a, a_d, N, &dv);
    double fa = heap_nr_dmatrix_caller_adjoint(a, a_b, N, 1.0);
    for (int k = 0; k < N * N; k++)
        g[k] = *element(a_b, k);
    e2e_expect_value("dmatrix", "value returned by tangent", ft, f(x, NULL), E2E_EXACT_TOL);
    e2e_expect_value("dmatrix", "value returned by adjoint", fa, f(x, NULL), E2E_EXACT_TOL);
    adc_check_result r;
    int st = adc_check_gradient(N * N, x, g, f, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("dmatrix", "adjoint vs finite differences", st, &r);
    e2e_expect_value("dmatrix", "dot-product test: tangent == <adjoint, v>", dv, e2e_dot(g, v, N * N), E2E_EXACT_TOL);
    free_dmatrix(a, 1, 1);
    free_dmatrix(a_d, 1, 1);
    free_dmatrix(a_b, 1, 1);
    return e2e_finish();
}
#endif
