/* LU factorization with partial pivoting and the triangular solves, written the way the C
 * translations of LINPACK are: column-major storage a[lda*j + i], level-1 BLAS helpers with
 * strides and loops unrolled by hand, pivot search by idamax, row interchanges, early returns.
 * The objective is c . x where A x = b, differentiated with respect to A and b (only the
 * ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define REAL double
#define NMAX 64
#define ZERO 0.0
#define ONE 1.0

/* dy = dy + da * dx */
static void daxpy(int n, REAL da, REAL *dx, int incx, REAL *dy, int incy)
{
    int i, ix, iy, m;

    if (n <= 0)
        return;
    if (da == ZERO)
        return;
    if (incx != 1 || incy != 1) {
        ix = 0;
        iy = 0;
        if (incx < 0) ix = (-n + 1) * incx;
        if (incy < 0) iy = (-n + 1) * incy;
        for (i = 0; i < n; i++) {
            dy[iy] = dy[iy] + da * dx[ix];
            ix = ix + incx;
            iy = iy + incy;
        }
        return;
    }
    m = n % 4;
    if (m != 0) {
        for (i = 0; i < m; i++)
            dy[i] = dy[i] + da * dx[i];
        if (n < 4)
            return;
    }
    for (i = m; i < n; i = i + 4) {
        dy[i] = dy[i] + da * dx[i];
        dy[i + 1] = dy[i + 1] + da * dx[i + 1];
        dy[i + 2] = dy[i + 2] + da * dx[i + 2];
        dy[i + 3] = dy[i + 3] + da * dx[i + 3];
    }
}

/* dx = da * dx */
static void dscal(int n, REAL da, REAL *dx, int incx)
{
    int i, m, nincx;

    if (n <= 0)
        return;
    if (incx != 1) {
        nincx = n * incx;
        for (i = 0; i < nincx; i = i + incx)
            dx[i] = da * dx[i];
        return;
    }
    m = n % 5;
    if (m != 0) {
        for (i = 0; i < m; i++)
            dx[i] = da * dx[i];
        if (n < 5)
            return;
    }
    for (i = m; i < n; i = i + 5) {
        dx[i] = da * dx[i];
        dx[i + 1] = da * dx[i + 1];
        dx[i + 2] = da * dx[i + 2];
        dx[i + 3] = da * dx[i + 3];
        dx[i + 4] = da * dx[i + 4];
    }
}

/* index of the element of largest magnitude */
static int idamax(int n, REAL *dx, int incx)
{
    REAL dmax;
    int i, ix, itemp;

    if (n < 1)
        return -1;
    if (n == 1)
        return 0;
    itemp = 0;
    if (incx != 1) {
        ix = 1;
        dmax = fabs(dx[0]);
        ix = ix + incx;
        for (i = 1; i < n; i++) {
            if (fabs(dx[ix]) > dmax) {
                itemp = i;
                dmax = fabs(dx[ix]);
            }
            ix = ix + incx;
        }
    } else {
        dmax = fabs(dx[0]);
        for (i = 1; i < n; i++) {
            if (fabs(dx[i]) > dmax) {
                itemp = i;
                dmax = fabs(dx[i]);
            }
        }
    }
    return itemp;
}

/* factors a by gaussian elimination with partial pivoting */
static void dgefa(REAL *a, int lda, int n, int *ipvt, int *info)
{
    REAL t;
    int j, k, kp1, l, nm1;

    *info = 0;
    nm1 = n - 1;
    if (nm1 >= 0) {
        for (k = 0; k < nm1; k++) {
            kp1 = k + 1;
            l = idamax(n - k, &a[lda * k + k], 1) + k;
            ipvt[k] = l;
            if (a[lda * k + l] != ZERO) {
                if (l != k) {
                    t = a[lda * k + l];
                    a[lda * k + l] = a[lda * k + k];
                    a[lda * k + k] = t;
                }
                t = -ONE / a[lda * k + k];
                dscal(n - (k + 1), t, &a[lda * k + k + 1], 1);
                for (j = kp1; j < n; j++) {
                    t = a[lda * j + l];
                    if (l != k) {
                        a[lda * j + l] = a[lda * j + k];
                        a[lda * j + k] = t;
                    }
                    daxpy(n - (k + 1), t, &a[lda * k + k + 1], 1, &a[lda * j + k + 1], 1);
                }
            } else {
                *info = k;
            }
        }
    }
    ipvt[n - 1] = n - 1;
    if (a[lda * (n - 1) + (n - 1)] == ZERO)
        *info = n - 1;
}

/* solves a * x = b with the factors of dgefa; b is overwritten by x */
static void dgesl(REAL *a, int lda, int n, int *ipvt, REAL *b)
{
    REAL t;
    int k, kb, l, nm1;

    nm1 = n - 1;
    /* solve l * y = b */
    if (nm1 >= 1) {
        for (k = 0; k < nm1; k++) {
            l = ipvt[k];
            t = b[l];
            if (l != k) {
                b[l] = b[k];
                b[k] = t;
            }
            daxpy(n - (k + 1), t, &a[lda * k + k + 1], 1, &b[k + 1], 1);
        }
    }
    /* solve u * x = y */
    for (kb = 0; kb < n; kb++) {
        k = n - (kb + 1);
        b[k] = b[k] / a[lda * k + k];
        t = -b[k];
        daxpy(k, t, &a[lda * k + 0], 1, &b[0], 1);
    }
}

ADC_DIFF(wrt(a, b), len(a: n * n, b: n))
double lu_objective(int n, REAL *a, REAL *b, const REAL *c)
{
    int ipvt[NMAX], info, i;
    REAL s = ZERO;

    dgefa(a, n, n, ipvt, &info);
    dgesl(a, n, n, ipvt, b);
    for (i = 0; i < n; i++)
        s = s + c[i] * b[i];
    return s;
}
