/* Two pointer idioms of f2c and libf2c that made generated files fail -Wall -Wextra -Werror
 * (README bug 104): an integer function of an active array that only moves its pointer
 * (`--dx;` in idamax_), whose tangent moved dx_d and never read it (clang's
 * -Wunused-but-set-parameter); and libf2c's s_cmp, whose `unsigned char *a = (unsigned char
 * *)a0;` of a `char *a0` the sweeps of reverse mode started at a0 without the cast
 * (-Wpointer-sign). Checked against finite differences, the dot-product test and hvp against
 * finite differences of the gradient. */
#include <math.h>
#include <adc.h>

typedef long int integer;
typedef double doublereal;
typedef long int ftnlen;

/* The index of the element of largest magnitude, 1-based, as the reference BLAS gives it. */
static integer idamax_(integer *n, doublereal *dx, integer *incx)
{
    integer ret_val, i__1, ix, i__;
    doublereal dmax__;

    --dx;
    ret_val = 0;
    if (*n < 1 || *incx <= 0) {
        return ret_val;
    }
    ret_val = 1;
    ix = 1;
    dmax__ = fabs(dx[1]);
    ix += *incx;
    i__1 = *n;
    for (i__ = 2; i__ <= i__1; ++i__) {
        if (fabs(dx[ix]) > dmax__) {
            ret_val = i__;
            dmax__ = fabs(dx[ix]);
        }
        ix += *incx;
    }
    return ret_val;
}

/* libf2c's comparison of Fortran strings a0 (length la) and b0 (lb), blank-padded. */
static integer s_cmp(char *a0, char *b0, ftnlen la, ftnlen lb)
{
    unsigned char *a, *aend, *b, *bend;
    a = (unsigned char *)a0;
    b = (unsigned char *)b0;
    aend = a + la;
    bend = b + lb;
    if (la <= lb) {
        while (a < aend) {
            if (*a != *b)
                return *a - *b;
            ++a;
            ++b;
        }
        while (b < bend) {
            if (*b != ' ')
                return ' ' - *b;
            ++b;
        }
    } else {
        while (b < bend) {
            if (*a != *b)
                return *a - *b;
            ++a;
            ++b;
        }
        while (a < aend) {
            if (*a != ' ')
                return *a - ' ';
            ++a;
        }
    }
    return 0;
}

/* A weight chosen by name, as Fortran code passes CHARACTER arguments. */
static doublereal weight_(char *kind, doublereal *x, ftnlen kind_len)
{
    if (s_cmp(kind, "GAUSS", kind_len, (ftnlen)5) == 0)
        return exp(-(*x) * *x);
    if (s_cmp(kind, "CAUCHY", kind_len, (ftnlen)6) == 0)
        return 1. / (*x * *x + 1.);
    return 1.;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double pivot_weights(int n, const double *x)
{
    doublereal w[7], t; /* w[0] unused: the Fortran caller's 1-based array, dx after --dx */
    integer nn = n, one = 1;
    for (int i = 0; i < n; i++)
        w[i + 1] = x[i] * (i + 1.0);
    w[0] = 0.0;
    integer k = idamax_(&nn, &w[1], &one);
    t = w[k] * 0.5;
    return weight_("GAUSS", &t, (ftnlen)5) + weight_("CAUCHY ", &w[1], (ftnlen)7) * x[1] +
           weight_("BOX", &t, (ftnlen)3) * t;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pivot_weights_tangent(int n, const double *x, const double *x_d, double *pivot_weights_d);
double pivot_weights_adjoint(int n, const double *x, double *x_b, double pivot_weights_b);
double pivot_weights_grad(int n, const double *x, double *x_grad);
int pivot_weights_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *u, void *p) {
    (void)p;
    return pivot_weights(N, u);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    return pivot_weights_grad(N, u, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    return pivot_weights_tangent(N, u, v, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    (void)p;
    return pivot_weights_adjoint(N, u, ub, yb);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    return pivot_weights_hvp(N, u, v, hv);
}

int main(void) {
    e2e_begin("f2c_helper_pointers");
    double u[N] = {0.3, -0.8, 0.5, 0.45, -0.2};
    e2e_scalar s = {.label = "pivot_weights", .n = N, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
