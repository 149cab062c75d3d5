/* LAPACK's dlaswp as f2c translates it: static locals (ix0, i1, i2, inc) assigned in the
 * branches of an else-if chain whose last branch returns (`} else { return 0; }`). Every call
 * assigns them before it reads them, but static_locals.c counted the returning branch as a path
 * that goes on without them and refused the routine (README bug 105). Row swaps of a matrix
 * carrying derivatives, forward and backward (incx = 1 and -1), checked against finite
 * differences, the dot-product test and hvp against finite differences of the gradient. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef long int integer;
typedef double doublereal;

/* Applies the row interchanges ipiv[k1..k2] (1-based) to the n columns of a, in the order incx
 * gives (negative: from k2 down to k1). */
static int dlaswp_(integer *n, doublereal *a, integer *lda, integer *k1, integer *k2, integer *ipiv, integer *incx)
{
    integer a_dim1, a_offset, i__1, i__2, i__3;
    static integer i__, j, i1, i2, ip, ix, ix0, inc;
    static doublereal temp;

    a_dim1 = *lda;
    a_offset = 1 + a_dim1;
    a -= a_offset;
    --ipiv;

    if (*incx > 0) {
        ix0 = *k1;
        i1 = *k1;
        i2 = *k2;
        inc = 1;
    } else if (*incx < 0) {
        ix0 = (1 - *k2) * *incx + 1;
        i1 = *k2;
        i2 = *k1;
        inc = -1;
    } else {
        return 0;
    }
    i__1 = *n;
    for (j = 1; j <= i__1; ++j) {
        ix = ix0;
        i__2 = i2;
        i__3 = inc;
        for (i__ = i1; i__3 < 0 ? i__ >= i__2 : i__ <= i__2; i__ += i__3) {
            ip = ipiv[ix];
            if (ip != i__) {
                temp = a[i__ + j * a_dim1];
                a[i__ + j * a_dim1] = a[ip + j * a_dim1];
                a[ip + j * a_dim1] = temp;
            }
            ix += *incx;
        }
    }
    return 0;
}

/* A 4 x 2 matrix from x, its rows swapped forward then partly back, weighted by position. */
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double swapped_rows(int n, const double *x)
{
    doublereal *a = malloc(8 * sizeof *a), s = 0.; /* gcc -O2 -Warray-bounds objects to a local's `a -= a_offset` */
    integer piv[4] = {0, 3, 2, 4}, *ipiv = &piv[1]; /* 1-based: dlaswp_'s --ipiv stays inside piv */
    integer two = 2, four = 4, one = 1, three = 3, back = -1;
    for (int i = 0; i < 8; i++)
        a[i] = sin(x[i % n] + 0.1 * i);
    dlaswp_(&two, a, &four, &one, &three, ipiv, &one);
    for (int i = 0; i < 8; i++)
        s += a[i] * a[i] * (i + 1);
    dlaswp_(&two, a, &four, &one, &two, ipiv, &back);
    for (int i = 0; i < 8; i++)
        s += a[i] * x[i % n] * (8 - i);
    free(a);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double swapped_rows_tangent(int n, const double *x, const double *x_d, double *swapped_rows_d);
double swapped_rows_adjoint(int n, const double *x, double *x_b, double swapped_rows_b);
double swapped_rows_grad(int n, const double *x, double *x_grad);
int swapped_rows_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *u, void *p) {
    (void)p;
    return swapped_rows(N, u);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return swapped_rows_grad(N, u, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return swapped_rows_tangent(N, u, v, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return swapped_rows_adjoint(N, u, ub, yb);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return swapped_rows_hvp(N, u, v, hv);
}

int main(void) {
    e2e_begin("f2c_static_else_return");
    double u[N];
    e2e_fill(u, N, 4051u, -0.9, 0.9);
    e2e_scalar s = {.label = "swapped_rows", .n = N, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
