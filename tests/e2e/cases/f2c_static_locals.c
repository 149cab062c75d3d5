/* BLAS level-1 routines as f2c translates Fortran: every local static (`static integer i__,
 * ix; static doublereal dtemp;`), scalars passed by pointer, arrays made 1-based by `--dx`,
 * the unrolled loops and the `goto L20` of the reference ddot and daxpy, and a caller that
 * uses them as CLAPACK-style code does. A static local that every call assigns before it
 * reads it is an automatic local (static_locals.c); before, adc refused them all. Checked
 * against finite differences, the dot-product test, the adjoint's increments and hvp against
 * finite differences of the gradient and its symmetry. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef int integer;
typedef double doublereal;

/* f2c makes these static too; a file-scope static the generated file cannot reach is still
 * refused, even one nothing writes */
integer c__1 = 1;
integer c_n1 = -1;

static doublereal ddot_(integer *n, doublereal *dx, integer *incx, doublereal *dy, integer *incy)
{
    integer i__1;
    static doublereal dtemp;
    static integer i__, m, ix, iy, mp1;

    --dy;
    --dx;
    dtemp = 0.;
    if (*n <= 0) {
        return dtemp;
    }
    if (*incx == 1 && *incy == 1) {
        goto L20;
    }
    ix = 1;
    iy = 1;
    if (*incx < 0) {
        ix = (-(*n) + 1) * *incx + 1;
    }
    if (*incy < 0) {
        iy = (-(*n) + 1) * *incy + 1;
    }
    i__1 = *n;
    for (i__ = 1; i__ <= i__1; ++i__) {
        dtemp += dx[ix] * dy[iy];
        ix += *incx;
        iy += *incy;
    }
    return dtemp;
L20:
    m = *n % 5;
    if (m == 0) {
        goto L40;
    }
    i__1 = m;
    for (i__ = 1; i__ <= i__1; ++i__) {
        dtemp += dx[i__] * dy[i__];
    }
    if (*n < 5) {
        return dtemp;
    }
L40:
    mp1 = m + 1;
    i__1 = *n;
    for (i__ = mp1; i__ <= i__1; i__ += 5) {
        dtemp = dtemp + dx[i__] * dy[i__] + dx[i__ + 1] * dy[i__ + 1] + dx[i__ + 2] * dy[i__ + 2] +
                dx[i__ + 3] * dy[i__ + 3] + dx[i__ + 4] * dy[i__ + 4];
    }
    return dtemp;
}

static int daxpy_(integer *n, doublereal *da, doublereal *dx, integer *incx, doublereal *dy, integer *incy)
{
    integer i__1;
    static integer i__, ix, iy;

    --dy;
    --dx;
    if (*n <= 0) {
        return 0;
    }
    if (*da == 0.) {
        return 0;
    }
    ix = 1;
    iy = 1;
    if (*incx < 0) {
        ix = (-(*n) + 1) * *incx + 1;
    }
    if (*incy < 0) {
        iy = (-(*n) + 1) * *incy + 1;
    }
    i__1 = *n;
    for (i__ = 1; i__ <= i__1; ++i__) {
        dy[iy] += *da * dx[ix];
        ix += *incx;
        iy += *incy;
    }
    return 0;
}

static int dscal_(integer *n, doublereal *da, doublereal *dx, integer *incx)
{
    integer i__1, i__2;
    static integer i__, nincx;

    --dx;
    if (*n <= 0 || *incx <= 0) {
        return 0;
    }
    nincx = *n * *incx;
    i__1 = nincx;
    i__2 = *incx;
    for (i__ = 1; i__2 < 0 ? i__ >= i__1 : i__ <= i__1; i__ += i__2) {
        dx[i__] = *da * dx[i__];
    }
    return 0;
}

/* A few steps of a damped iteration written with the routines above on a work vector; the
 * energy their dot products give. */
ADC_DIFF(wrt(x, alpha), len(x: n), modes(tangent, adjoint, grad, hvp))
double f2c_energy(int n, const double *x, double alpha)
{
    static integer k;
    integer nn = n, half = n / 2;
    doublereal a, e = 0., *work = malloc(n * sizeof *work);
    for (int i = 0; i < n; i++)
        work[i] = sin(x[i]) + 0.5 * x[(i + 1) % n];
    for (k = 1; k <= 3; ++k) {
        a = alpha / (k + 1.0);
        daxpy_(&nn, &a, (doublereal *)x, &c__1, work, &c__1);
        e += ddot_(&nn, work, &c__1, work, &c__1) * 0.1;
        a = 0.9 - 0.05 * k;
        dscal_(&half, &a, work + 1, &c__1);
        e += ddot_(&half, work, &c__1, (doublereal *)x, &c_n1);
    }
    free(work);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double f2c_energy_tangent(int n, const double *x, const double *x_d, double alpha, double alpha_d,
                          double *f2c_energy_d);
double f2c_energy_adjoint(int n, const double *x, double *x_b, double alpha, double *alpha_b, double f2c_energy_b);
double f2c_energy_grad(int n, const double *x, double alpha, double *x_grad, double *alpha_grad);
int f2c_energy_hvp(int n, const double *x, const double *x_v, double *x_hv, double alpha, double alpha_v,
                   double *alpha_hv);

#define N 7 /* packed inputs: x[0..N), alpha */

static double primal(const double *u, void *p) {
    (void)p;
    return f2c_energy(N, u, u[N]);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return f2c_energy_grad(N, u, u[N], g, &g[N]);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return f2c_energy_tangent(N, u, v, u[N], v[N], dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return f2c_energy_adjoint(N, u, ub, u[N], &ub[N], yb);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return f2c_energy_hvp(N, u, v, hv, u[N], v[N], &hv[N]);
}

int main(void) {
    e2e_begin("f2c_static_locals");
    double u[N + 1];
    e2e_fill(u, N + 1, 2077u, -0.9, 0.9);
    e2e_scalar s = {.label = "f2c_energy", .n = N + 1, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
