/* A heap pointer moved through its own block by arithmetic, as the other printings of
 * Numerical Recipes' nrutil.c write the offset (`v -= nl; v += NR_END;`, dmatrix's `m +=
 * NR_END; m -= nrl;`): its shadow moves with it in every mode. (Vectors from nl <= NR_END
 * here: with nl > NR_END the pointer lies before its block, and gcc 12 -O2 then takes the
 * inlined free_vector for a free at an offset, -Wfree-nonheap-object; heap_nr_offset_vectors
 * has those.) The helper writes its block
 * before the move (v[0]) and after it (v[i], nl < i <= nh), and the caller reads it 1-based; so
 * the backward sweep must address the element the forward sweep wrote through either name
 * (before adc moved the adjoint pointer in reverse mode too, v[0] and w[nl] had two different
 * adjoints and the gradient was wrong). The backward sweep frees block and shadow from the
 * pointers the allocation returned, popped back before the moves; so does a table of rows
 * moved that way (row_matrix: m[1..n], freed by `free(m + nrl - NR_END)`). Tangent, vector tangent,
 * adjoint, grad against finite differences and the dot-product test. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

#define NR_END 1

/* v[nl..nh]: v[nl] = x[0] x[1], v[i] = sin(x[i - nl]) above it. */
double *filled_vector(const double *x, long nl, long nh)
{
    double *v = (double *)malloc((size_t)((nh - nl + 1 + NR_END) * sizeof(double)));
    if (!v)
        exit(1);
    v[NR_END] = x[0] * x[1];
    v -= nl;
    v += NR_END;
    for (long i = nl + 1; i <= nh; i++)
        v[i] = sin(x[i - nl]);
    return v;
}

void free_vector(double *v, long nl)
{
    free(v + nl - NR_END);
}

/* Rows m[nrl..nrh] of nc elements each, the table moved as dmatrix moves it. */
double **row_matrix(long nrl, long nrh, long nc)
{
    double **m = (double **)malloc((size_t)((nrh - nrl + 1 + NR_END) * sizeof(double *)));
    if (!m)
        exit(1);
    m += NR_END;
    m -= nrl;
    for (long i = nrl; i <= nrh; i++)
        m[i] = (double *)malloc((size_t)(nc * sizeof(double)));
    return m;
}

void free_row_matrix(double **m, long nrl, long nrh)
{
    for (long i = nrl; i <= nrh; i++)
        free(m[i]);
    free(m + nrl - NR_END);
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double heap_moved_block(int n, const double *x)
{
    double *w = filled_vector(x, -1, n - 2); /* w[-1..n-2]: two past the block's start */
    double *u = filled_vector(x, 0, n - 1);
    double **a = row_matrix(1, n, n);
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        for (int j = 0; j < n; j++)
            a[i][j] = w[i - 2] * x[j];
    for (int i = -1; i <= n - 2; i++)
        s += w[i] * w[i] * (i + 3) + u[i + 1] * w[i] + a[i + 2][i + 1] * a[i + 2][0];
    free_row_matrix(a, 1, n);
    free_vector(u, 0);
    free_vector(w, -1);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4

double heap_moved_block_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_moved_block_tangent_vector(int n, const double *x, const double (*x_d)[2], double *f_d);
double heap_moved_block_adjoint(int n, const double *x, double *x_b, double f_b);
double heap_moved_block_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) { (void)p; return heap_moved_block(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return heap_moved_block_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_moved_block_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_moved_block_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_moved_block");
    double x[N] = {0.4, -0.9, 1.3, 0.2};
    e2e_scalar s = {.label = "moved block", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    double dirs[N][2] = {{1.0, 0.0}, {0.5, 1.0}, {-1.0, 0.3}, {2.0, -0.7}}, dv[2];
    heap_moved_block_tangent_vector(N, x, (const double (*)[2])dirs, dv);
    for (int k = 0; k < 2; k++) {
        double want = 0.0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][k];
        e2e_expect_value("moved block", "vector tangent = grad . direction", dv[k], want, 1e-12);
    }
    return e2e_finish();
}
#endif
