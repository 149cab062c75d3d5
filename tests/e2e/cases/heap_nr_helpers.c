/* Allocation helpers in the style of Numerical Recipes' nrutil.c (zero-offset; the book's
 * offset form, v-nl+NR_END, is e2e heap_nr_offset_vectors): dvector and
 * dmatrix return new blocks the caller fills with active values though they are given no
 * active value, and free_dvector/free_dmatrix free the blocks they are given. Each runs as its
 * derivative: dvector_tangent/_forward give the block's shadow, free_dvector_tangent frees it,
 * and in reverse mode only the backward sweep of the allocation frees (free_dvector_forward
 * frees nothing). free_dvector hands the block back through the book's `(FREE_ARG)` cast
 * (char *), refused as type punning before. c holds constants: dvector runs as its plain
 * copy there. Tangent, vector
 * tangent, adjoint, grad against finite differences and the dot-product
 * test; ASan finds any block or shadow left unfreed, or freed twice. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

void nrerror(char error_text[])
{
    fprintf(stderr, "run-time error: %s\n", error_text);
    exit(1);
}

double *dvector(long nl, long nh)
{
    double *v = (double *)malloc((size_t)((nh - nl + 1) * sizeof(double)));
    if (!v)
        nrerror("allocation failure in dvector()");
    return v;
}

double **dmatrix(long nr, long nc)
{
    long i;
    double **m = (double **)malloc((size_t)(nr * sizeof(double *)));
    if (!m)
        nrerror("allocation failure 1 in dmatrix()");
    for (i = 0; i < nr; i++)
        m[i] = (double *)malloc((size_t)(nc * sizeof(double)));
    return m;
}

#define FREE_ARG char *

void free_dvector(double *v, long nl, long nh)
{
    (void)nl;
    (void)nh;
    free((FREE_ARG)(v));
}

void free_dmatrix(double **m, long nr)
{
    long i;
    for (i = 0; i < nr; i++)
        free(m[i]);
    free(m);
}

/* A Gram-like quadratic form through a work vector and a work matrix. */
ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double heap_nr_helpers(int n, const double *x)
{
    double *w = dvector(0, n - 1);
    double *c = dvector(0, n - 1); /* constants: the helpers' copies without derivatives */
    double **a = dmatrix(n, n);
    double s = 0.0;
    int i, j;
    for (i = 0; i < n; i++)
        c[i] = 1.0 + 0.5 * i;
    for (i = 0; i < n; i++)
        w[i] = c[i] * sin(x[i]) + x[(i + 1) % n];
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            a[i][j] = w[i] * w[j] + (i == j ? x[i] * x[i] : 0.0);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            s += a[i][j] * w[j] * (i + 1);
    free_dmatrix(a, n);
    free_dvector(w, 0, n - 1);
    free_dvector(c, 0, n - 1);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4

double heap_nr_helpers_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_nr_helpers_tangent_vector(int n, const double *x, const double (*x_d)[2], double *f_d);
double heap_nr_helpers_adjoint(int n, const double *x, double *x_b, double f_b);
double heap_nr_helpers_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) { (void)p; return heap_nr_helpers(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return heap_nr_helpers_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_nr_helpers_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_nr_helpers_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_nr_helpers");
    double x[N] = {0.4, -0.9, 1.3, 0.2};
    e2e_scalar s = {.label = "nrutil", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    double dirs[N][2] = {{1.0, 0.0}, {0.5, 1.0}, {-1.0, 0.3}, {2.0, -0.7}}, dv[2];
    heap_nr_helpers_tangent_vector(N, x, (const double (*)[2])dirs, dv);
    for (int k = 0; k < 2; k++) {
        double want = 0.0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][k];
        e2e_expect_value("nrutil", "vector tangent = grad . direction", dv[k], want, 1e-12);
    }
    return e2e_finish();
}
#endif
