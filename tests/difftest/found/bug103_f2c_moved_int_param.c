/* f2c probe p28 (hand-written, f2c style): README bug 103 (fixed). A 1-based integer array
 * written by a callee (--iwork), whose old contents the caller indexed with before the call. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>
typedef long int integer;
typedef double doublereal;
typedef long int logical;
/* a 1-based integer work array written by a callee (--iwork), whose old contents an earlier
 * active statement of the caller indexes with: the backward sweep must restore them */
int fillperm_(integer *n, integer *iwork)
{
    integer i__1;
    static integer i__;

    --iwork;
    i__1 = *n;
    for (i__ = 1; i__ <= i__1; ++i__) {
	iwork[i__] = *n - i__;
    }
    return 0;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(3))
double f(double a, int n, const double *x, int m, double *y) {
    integer perm[4] = {2, 0, 3, 1}, four = 4, i;
    double s = 0.;
    (void)n; (void)m;
    for (i = 0; i < 4; ++i) s += x[perm[i]] * x[i] * (i + 1);
    fillperm_(&four, perm);
    for (i = 0; i < 4; ++i) s += x[perm[i]] * a * (i + 2);
    y[0] = s * y[1];
    return s;
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 1u
#define DT_NX 4
#define DT_NY 2
#define DT_W 3
#define DT_FLOAT 0
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
