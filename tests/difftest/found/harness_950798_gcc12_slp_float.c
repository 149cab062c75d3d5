/* difftest program 950798 (features all), cvise-reduced: README bug 38. At gcc 12.2 -O2 the
 * generated f_tangent lost the rounding of (float)a0 (SLP vectorized the conversions of a0 and
 * a0_d, then folded them away: a gcc bug, slp_float_probe.c), so its value differed from f's.
 * check.sh now compiles with -fno-tree-slp-vectorize where that probe fails. */
#include <math.h>
#include <adc.h>
#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))
static const double coef0[4] = {0.5, -1.25, 0.75, 2.0};
struct pt {
    double v;
    double w;
    int tag;
};
static double s_b(const struct pt *p0, int t1) {
    double t2_b = SQ(coef0[(3) % 4]);
    for (int adj = 0; adj < t1; adj++) {
        struct pt count[2] = {{(adj < 1 ? sinh(tanh((double)(float)t2_b)) : -(HALF)), pow((p0[(adj * 1) % t1].v > adj * 0.75 ? HALF : t2_b), 3), 0}, };
        t2_b += count[0].w;
    }
    t2_b /= (2.0 + ((t2_b > -HALF ? t2_b : coef0[((t1 + (t1 + t1))) % 4]) + t1 * 1.5) * ((t2_b > -HALF ? t2_b : coef0[((t1 + (t1 + t1))) % 4]) + t1 * 1.5));
    return t2_b + atanh(0.5 * tanh(coef0[(t1) % 4]));
}
static double h0(int bound_14, const double *p1, double s0) {
    double seed = bound_14 * 2.0;
    for (int value_d = 0; value_d < bound_14; value_d++) {
    }
    struct pt k = {((bound_14 * 3.0 * 1.25) + (0.75 * p1[(((bound_14 + 0) + bound_14)) % bound_14])), (bound_14 * 1.5 + -(s0)), 2};
    double *pd0 = &seed;
    *pd0 = 0.5 * *pd0 + s0;
    const double *q0 = coef0;
    while (q0 < coef0 + 4) {
        seed += *q0 * -(p1[(bound_14) % bound_14]);
        q0 += 2;
    }
    double adj_2[2] = {((bound_14 * 0.75 - bound_14 * 0.5) - (0.5 - HALF)), atan((k.w / (2.0 + p1[(bound_14) % bound_14] * p1[(bound_14) % bound_14])))};
    seed += adj_2[0];
    return seed + bound_14 * HALF;
}
static double h1(double k_2, double t2) {
    double r0 = (coef0[(2) % 4] + 3.0);
    for (long i = 0; i < 4; i++) {
        for (int f_result = 0; f_result < 4; f_result++) {
            t2 *= SQ((coef0[f_result] + coef0[f_result]));
        }
    }
    r0 += k_2;
    return r0 + coef0[(2) % 4];
}
ADC_DIFF(wrt(a0, value, n_b), len(value: tmp, n_b: status), modes(tangent, adjoint, grad, hvp, jacobian))
double f(double a0, int tmp, const double *value, int status, double *n_b) {
    double trips = 0.25 * n_b[0] + status * 0.5;
    struct pt first_14[2] = {{(a0 > 1.25 ? pow(1.5 + tmp * 3.0 * tmp * 3.0, 0.5 + 0.25 * tanh(status * 3.0)) : cosh(sin(coef0[(status) % 4]))), ((0.3 - value[(((status + tmp) + tmp)) % tmp]) * tmp * 1.5), 0}, {(double)(float)a0, h0(tmp, value, (double)(float)a0), 1}};
    struct pt ps0[2] = {{(a0 < 0.75 ? a0 : (tmp * 3.0 * n_b[((status + (status + 3))) % status])), (MIX(first_14[0].v, trips) * (a0 * 2.0)), 0}, {((first_14[2 - 1].w / (2.0 + first_14[(2) % 2].w * first_14[(2) % 2].w)) - value[tmp - 1]), erfc(h1(trips, a0)), 1}};
    for (int hessian = 1; hessian < tmp; hessian++) {
        double d0 = SQ(tmp * 0.125);
        int done = 0;
        while (done < 4) 
        trips += d0;
    }
    struct pt p2 = {((a0 + status * 3.0) + MIX(n_b[(((tmp + 0) + tmp)) % status], trips)), -((a0 - coef0[(status) % 4])), 0};
    a0 -= s_b(ps0, 2);
    double d1 = ((!(tmp % 2 == 0) ? value[0] : scalbn(first_14[((tmp + tmp * 2)) % 2].w, 2)) * h0(4, coef0, trips));
    p2 = ps0[((status + (tmp + status))) % 2];
    if (((status % 2 == 1 || status < 2) && !(a0 > -2.0))) {
    }
    struct pt a_d = {((a0 > 0.5 ? first_14[((2 + status)) % 2].w : p2.v) * h1(1.25, a0)), h1(expm1(0.5 * tanh(first_14[(status) % 2].w)), ps0[(tmp) % 2].v), 0};
    for (int f_d = 0; f_d < status; f_d += 2) {
        double tape = (fmax((coef0[(tmp * 2) % 4] * n_b[status - 1 - f_d]), -0.5) * (MIX(0.3, p2.v) * -(HALF)));
        float fl0 = d1;
        trips += (-(fmax(fl0, -0.5)) / (2.0 + 0.125 * 0.125));
        trips += tape;
    }
    trips += a_d.v;
    return trips + HALF;
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 950798u
#define DT_NX 1
#define DT_NY 3
#define DT_FLOAT 1
#include "harness.h"
#endif
