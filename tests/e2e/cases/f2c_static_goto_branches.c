/* Static locals (f2c's default) assigned on every path that f2c's forward gotos leave:
 * MINPACK qrsolv's Givens rotation sets cos__ and sin__ either before `goto L50` or after
 * `L40:`, and LAPACK dpotf2 reads its loop index j (its loop under `if (upper)`) after `goto L30`
 * out of the loop. goto.c turns
 * the gotos into flags (`if (to_L40 == 0)`), and static_locals.c, which did not follow them,
 * refused both (README bug 106); it now knows which flag values reach each point. A Cholesky
 * factorization and a rotation of its rows, checked against finite differences, the
 * dot-product test and hvp against finite differences of the gradient. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef long int integer;
typedef double doublereal;

/* Rotates the pair (r, s) so that s becomes 0, as qrsolv eliminates a row of the diagonal. */
static int givens_(doublereal *r, doublereal *s)
{
    doublereal d__1;
    static doublereal tan__, cos__, sin__, cotan, temp;

    if (*s == 0.) {
        return 0;
    }
    if (fabs(*r) >= fabs(*s)) {
        goto L40;
    }
    cotan = *r / *s;
    d__1 = cotan;
    sin__ = .5 / sqrt(.25 + .25 * (d__1 * d__1));
    cos__ = sin__ * cotan;
    goto L50;
L40:
    tan__ = *s / *r;
    d__1 = tan__;
    cos__ = .5 / sqrt(.25 + .25 * (d__1 * d__1));
    sin__ = cos__ * tan__;
L50:
    temp = cos__ * *r + sin__ * *s;
    *s = -sin__ * *r + cos__ * *s;
    *r = temp;
    return 0;
}

/* The upper Cholesky factor of the n x n matrix a (leading dimension lda) in place, if upper;
 * info: the first column whose pivot is not positive. */
static int dpotf2_(integer *upper, integer *n, doublereal *a, integer *lda, integer *info)
{
    integer a_dim1, a_offset, i__1, i__2, i__3, k;
    doublereal ajj, dot;
    static integer j;

    a_dim1 = *lda;
    a_offset = 1 + a_dim1;
    a -= a_offset;

    *info = 0;
    if (*upper) {
        i__1 = *n;
        for (j = 1; j <= i__1; ++j) {
            dot = 0.;
            i__2 = j - 1;
            for (k = 1; k <= i__2; ++k) {
                dot += a[k + j * a_dim1] * a[k + j * a_dim1];
            }
            ajj = a[j + j * a_dim1] - dot;
            if (ajj <= 0.) {
                a[j + j * a_dim1] = ajj;
                goto L30;
            }
            ajj = sqrt(ajj);
            a[j + j * a_dim1] = ajj;
            i__2 = *n;
            for (i__3 = j + 1; i__3 <= i__2; ++i__3) {
                dot = 0.;
                for (k = 1; k <= j - 1; ++k) {
                    dot += a[k + j * a_dim1] * a[k + i__3 * a_dim1];
                }
                a[j + i__3 * a_dim1] = (a[j + i__3 * a_dim1] - dot) / ajj;
            }
        }
    }
    goto L40;
L30:
    *info = j;
L40:
    return 0;
}

/* A = B'B + 2I from x (3 x 3), its Cholesky factor R, then R's rows rotated pairwise. */
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double rotated_cholesky(int n, const double *x)
{
    doublereal b[9], *a = malloc(9 * sizeof *a), s = 0.; /* gcc -O2 -Warray-bounds: a local with a -= a_offset */
    integer three = 3, info, upper = 1;
    for (int i = 0; i < 9; i++)
        b[i] = x[i % n] * (1.0 + 0.2 * i);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            a[i + 3 * j] = i == j ? 2.0 : 0.0;
            for (int k = 0; k < 3; k++)
                a[i + 3 * j] += b[k + 3 * i] * b[k + 3 * j];
        }
    dpotf2_(&upper, &three, a, &three, &info);
    givens_(&a[0], &a[3]);
    givens_(&a[4], &a[7]);
    givens_(&a[6], &a[8]);
    for (int i = 0; i < 9; i++)
        s += a[i] * (i + 1) + info;
    free(a);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rotated_cholesky_tangent(int n, const double *x, const double *x_d, double *rotated_cholesky_d);
double rotated_cholesky_adjoint(int n, const double *x, double *x_b, double rotated_cholesky_b);
double rotated_cholesky_grad(int n, const double *x, double *x_grad);
int rotated_cholesky_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 6

static double primal(const double *u, void *p) {
    (void)p;
    return rotated_cholesky(N, u);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return rotated_cholesky_grad(N, u, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return rotated_cholesky_tangent(N, u, v, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return rotated_cholesky_adjoint(N, u, ub, yb);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return rotated_cholesky_hvp(N, u, v, hv);
}

int main(void) {
    e2e_begin("f2c_static_goto_branches");
    double u[N];
    e2e_fill(u, N, 913u, -0.9, 0.9);
    e2e_scalar s = {.label = "rotated_cholesky", .n = N, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
