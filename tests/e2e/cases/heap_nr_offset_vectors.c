/* Numerical Recipes' offset vectors as nrutil.c writes them: dvector(nl, nh) allocates
 * nh-nl+1+NR_END elements and returns the block moved back by nl-NR_END, so that v[nl..nh] are
 * its elements, and free_dvector frees it moved forward again, through the book's (FREE_ARG)
 * cast. The shadow moves the same way: dvector_tangent/_forward return `v_d - nl + NR_END`,
 * free_dvector_tangent frees `v_d + nl - NR_END`, and reverse mode frees each block and its
 * shadow from the pointers the allocation returned, in dvector's backward sweep. Vectors from
 * 1 (offset 0), from 0 (the pointer one past the block's start) and from -1 (two past it), a
 * work vector allocated and freed in each step of a loop, 1-based vectors double-buffered by a
 * swap, given to a helper that indexes them from 1, returned by a helper that fills one, and an
 * int index vector (ivector: freed after the backward sweep). Tangent, vector tangent,
 * adjoint, grad against finite differences and the dot-product test; ASan finds any block or
 * shadow freed at the wrong address, freed twice or left unfreed. (A vector from nl > NR_END
 * points before its block, which C leaves undefined: gcc 12 -O2 then takes the inlined
 * free_dvector for a free at an offset, -Wfree-nonheap-object, in the book's code as in its
 * derivative: the offsets here keep the pointer inside the block.) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

#define NR_END 1
#define FREE_ARG char *

void nrerror(char error_text[])
{
    fprintf(stderr, "run-time error: %s\n", error_text);
    exit(1);
}

double *dvector(long nl, long nh)
{
    double *v = (double *)malloc((size_t)((nh - nl + 1 + NR_END) * sizeof(double)));
    if (!v)
        nrerror("allocation failure in dvector()");
    return v - nl + NR_END;
}

int *ivector(long nl, long nh)
{
    int *v = (int *)malloc((size_t)((nh - nl + 1 + NR_END) * sizeof(int)));
    if (!v)
        nrerror("allocation failure in ivector()");
    return v - nl + NR_END;
}

void free_dvector(double *v, long nl, long nh)
{
    (void)nh;
    free((FREE_ARG)(v + nl - NR_END));
}

void free_ivector(int *v, long nl, long nh)
{
    (void)nh;
    free((FREE_ARG)(v + nl - NR_END));
}

/* a[1..n] smoothed into b[1..n] (1-based, as the book's routines index). */
static void smooth(const double *a, double *b, int n)
{
    int i;
    b[1] = a[1];
    b[n] = a[n];
    for (i = 2; i < n; i++)
        b[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1];
}

/* A vector w[1..n] of weights from x[0..n-1], returned to the caller, who frees it. */
static double *weights(const double *x, int n)
{
    double *w = dvector(1, n);
    int i;
    for (i = 1; i <= n; i++)
        w[i] = 1.0 + x[i - 1] * x[i - 1];
    return w;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double heap_nr_offset_vectors(int n, const double *x)
{
    double *u = dvector(1, n), *v = dvector(1, n);
    double *z = dvector(0, n - 1);
    double *h = dvector(-1, n - 2);
    double *w = weights(x, n);
    int *order = ivector(1, n);
    double s = 0.0, *t;
    int i, step;
    for (i = 1; i <= n; i++) {
        u[i] = sin(x[i - 1]) + x[(i) % n];
        order[i] = n + 1 - i;
    }
    for (step = 1; step <= 3; step++) {
        double *work = dvector(1, n);
        smooth(u, v, n);
        for (i = 1; i <= n; i++)
            work[i] = v[i] * w[order[i]];
        for (i = 1; i <= n; i++)
            v[i] += 0.1 * work[i] * work[i];
        free_dvector(work, 1, n);
        t = u;
        u = v;
        v = t;
    }
    for (i = 0; i < n; i++)
        z[i] = u[i + 1] * x[i];
    for (i = -1; i <= n - 2; i++)
        h[i] = z[i + 1] * z[i + 1] + w[i + 2];
    for (i = -1; i <= n - 2; i++)
        s += h[i] * (i + 2);
    free_ivector(order, 1, n);
    free_dvector(w, 1, n);
    free_dvector(h, -1, n - 2);
    free_dvector(z, 0, n - 1);
    free_dvector(v, 1, n);
    free_dvector(u, 1, n);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 5

double heap_nr_offset_vectors_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_nr_offset_vectors_tangent_vector(int n, const double *x, const double (*x_d)[2], double *f_d);
double heap_nr_offset_vectors_adjoint(int n, const double *x, double *x_b, double f_b);
double heap_nr_offset_vectors_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *p) { (void)p; return heap_nr_offset_vectors(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return heap_nr_offset_vectors_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_nr_offset_vectors_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_nr_offset_vectors_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_nr_offset_vectors");
    double x[N] = {0.4, -0.9, 1.3, 0.2, -0.5};
    e2e_scalar s = {.label = "nr offset vectors", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[N];
    e2e_run_scalar(&s, g);
    double dirs[N][2] = {{1.0, 0.0}, {0.5, 1.0}, {-1.0, 0.3}, {2.0, -0.7}, {0.25, 0.5}}, dv[2];
    heap_nr_offset_vectors_tangent_vector(N, x, (const double (*)[2])dirs, dv);
    for (int k = 0; k < 2; k++) {
        double want = 0.0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][k];
        e2e_expect_value("nr offset vectors", "vector tangent = grad . direction", dv[k], want, 1e-12);
    }
    return e2e_finish();
}
#endif
