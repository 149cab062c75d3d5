/* difftest program 7100066 (features none,vla,loops,helpers,math,arrays,pointers,branch), reduced by hand; entry 84 */
#include <math.h>
#include <adc.h>
static void h2(int q2, double *p2, double s1) {
    for (int k3 = 0; k3 < q2; k3++) {
        double d0 = s1;
        const double *q3 = p2;
        while (q3 < p2 + q2) {
            p2[0] += *q3 * d0;
            q3 += 1;
        }
    }
    s1 = p2[0];
}
ADC_DIFF(wrt(a0, x0, y0), len(x0: n0, y0: m0), modes(tangent, adjoint, grad))
double f(double a0, int n0, const double *x0, int m0, double *y0) {
    h2(m0, y0, sin(x0[n0 - 1]));
    y0[m0 - 1] -= a0;
    return 3.0;
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 7100066u
#define DT_NX 1
#define DT_NY 2
#define DT_W 0
#define DT_FLOAT 0
#define DT_HESS 0
#include "harness.h"
#endif
