/* A 1-based integer array parameter (f2c's `--ipvt;`) that the routine writes: LINPACK's dgefa
 * as f2c translates it records its pivot rows in ipvt, and its caller had read the array's old
 * contents as indices of an active expression before the call. The backward sweep of dgefa_
 * restores ipvt before the caller's statements are reversed; it restored ipvt[k] at the
 * unmoved pointer (one element off, and one past the end), so the caller's adjoint read
 * shifted indices and the gradient was silently wrong (README bug 103). Checked against
 * finite differences, the dot-product test and hvp against finite differences of the gradient.
 * The arrays are heap blocks: gcc -O2 -Warray-bounds objects to `a -= a_offset` on a local
 * array it inlines into. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef long int integer;
typedef double doublereal;

/* LU factorization with partial pivoting of the n x n column-major matrix a (leading dimension
 * lda); its multipliers overwrite a, the pivot rows go to ipvt, info is the first zero pivot. */
static int dgefa_(doublereal *a, integer *lda, integer *n, integer *ipvt, integer *info)
{
    integer a_dim1, a_offset, i__1, i__2, i__3;
    integer i__, j, k, l, kp1, nm1;
    doublereal t, big;

    a_dim1 = *lda;
    a_offset = 1 + a_dim1;
    a -= a_offset;
    --ipvt;

    *info = 0;
    nm1 = *n - 1;
    if (nm1 < 1) {
        goto L70;
    }
    i__1 = nm1;
    for (k = 1; k <= i__1; ++k) {
        kp1 = k + 1;
        l = k;
        big = fabs(a[k + k * a_dim1]);
        i__2 = *n;
        for (i__ = kp1; i__ <= i__2; ++i__) {
            if (fabs(a[i__ + k * a_dim1]) > big) {
                l = i__;
                big = fabs(a[i__ + k * a_dim1]);
            }
        }
        ipvt[k] = l;
        if (a[l + k * a_dim1] == 0.) {
            goto L40;
        }
        if (l != k) {
            t = a[l + k * a_dim1];
            a[l + k * a_dim1] = a[k + k * a_dim1];
            a[k + k * a_dim1] = t;
        }
        t = -1. / a[k + k * a_dim1];
        i__2 = *n;
        for (i__ = kp1; i__ <= i__2; ++i__) {
            a[i__ + k * a_dim1] *= t;
        }
        i__2 = *n;
        for (j = kp1; j <= i__2; ++j) {
            t = a[l + j * a_dim1];
            if (l != k) {
                a[l + j * a_dim1] = a[k + j * a_dim1];
                a[k + j * a_dim1] = t;
            }
            i__3 = *n;
            for (i__ = kp1; i__ <= i__3; ++i__) {
                a[i__ + j * a_dim1] += t * a[i__ + k * a_dim1];
            }
        }
        goto L50;
L40:
        *info = k;
L50:
        ;
    }
L70:
    ipvt[*n] = *n;
    if (a[*n + *n * a_dim1] == 0.) {
        *info = *n;
    }
    return 0;
}

/* A weighted sum through the permutation perm, then the same array as dgefa_'s ipvt, then a sum
 * of the factors read through the pivots. */
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double lu_pivot_energy(int n, const double *x)
{
    integer *perm = malloc(4 * sizeof *perm), three = 3, info; /* a spare: the old adc wrote one past */
    doublereal *lu = malloc(9 * sizeof *lu), s = 0.;
    perm[0] = 2, perm[1] = 0, perm[2] = 1;
    for (int i = 0; i < 3; i++)
        s += x[perm[i]] * x[i] * (i + 1);
    for (int i = 0; i < 9; i++)
        lu[i] = x[i % n] * (1.0 + 0.25 * i) + (i % 4 == 0 ? 0.5 : 0.0);
    dgefa_(lu, &three, &three, perm, &info);
    for (int i = 0; i < 3; i++)
        s += lu[4 * i] * x[perm[i] - 1] + lu[3 * i + 1];
    free(lu);
    free(perm);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double lu_pivot_energy_tangent(int n, const double *x, const double *x_d, double *lu_pivot_energy_d);
double lu_pivot_energy_adjoint(int n, const double *x, double *x_b, double lu_pivot_energy_b);
double lu_pivot_energy_grad(int n, const double *x, double *x_grad);
int lu_pivot_energy_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *u, void *p) {
    (void)p;
    return lu_pivot_energy(N, u);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return lu_pivot_energy_grad(N, u, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return lu_pivot_energy_tangent(N, u, v, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return lu_pivot_energy_adjoint(N, u, ub, yb);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return lu_pivot_energy_hvp(N, u, v, hv);
}

int main(void) {
    e2e_begin("f2c_moved_int_array");
    double u[N] = {0.3, -0.8, 1.1, 0.45, -0.6};
    e2e_scalar s = {.label = "lu_pivot_energy", .n = N, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
