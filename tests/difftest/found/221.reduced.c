#include <math.h>
#include <adc.h>
struct pt {
    double v;
    double w;
    int tag;
};
typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;
static double h0(const sys_t *s0, double q0) {
    double r0 = (s0->y[s0->m - 1] + 0.125);
    for (int k0 = 0; k0 < s0->m; k0++) {
        q0 = ((const double[]){q0, pow(1.5 + (q0 < 0.3 ? s0->n * 0.3 : 1.25) * (q0 < 0.3 ? s0->n * 0.3 : 1.25), 0.5 + 0.25 * tanh((s0->y[k0] - s0->m * 3.0))), ((0.125 + 0.3) + (s0->n * 3.0 + k0 * 3.0))})[((s0->m + (s0->n + s0->n))) % 3];
    }
    return r0 + -(s0->x[(((s0->m + 4) + s0->m)) % s0->n]);
}
static double h1(const struct pt *p1, int q1) {
    double r1 = (q1 * 0.75 + q1 * 2.0);
    for (int k1 = 0; k1 < q1; k1++) {
        struct pt ps0[2] = {{(k1 * 0.125 > q1 * 1.25 ? ldexp(r1, -1) : -(1.5)), (r1 - r1), 0}, {p1[q1 - 1 - k1].w, ((k1 * 2.0 / (2.0 + p1[(q1) % q1].w * p1[(q1) % q1].w)) / (2.0 + k1 * 0.5 * k1 * 0.5)), 1}};
        ps0[(0) % 2].w = ((const double[]){(q1 * 0.75 > 2.0 ? (q1 * 2.0 - p1[(((k1 + q1) + q1)) % q1].w) : 0.3), ((r1 / (2.0 + 3.0 * 3.0)) + (r1 / (2.0 + k1 * 0.75 * k1 * 0.75))), -(atanh(0.5 * tanh(r1)))})[((k1 + (q1 + 3))) % 3];
        r1 += ps0[0].w;
    }
    if ((3.0 / (2.0 + 1.25 * 1.25)) > 1.5) {
        struct pt ps1[2] = {[1] = {.tag = 1, .w = (q1 * 1.5 * q1 * 0.5)}, [0].w = r1};
        r1 += ps1[0].w;
    }
    r1 = (tan(0.5 * tanh((p1[(q1) % q1].w - r1))) + p1[(q1) % q1].v);
    return r1 + p1[q1 - 1].w;
}
ADC_DIFF(wrt(a0, x0, y0), len(x0: n0, y0: m0), modes(tangent, adjoint, grad, hvp))
double f(double a0, int n0, const double *x0, int m0, double *y0) {
    double acc0 = 0.3;
    double cv0 = ((0.3 - a0) - (y0[(m0) % m0] * y0[((m0 * 1 + m0)) % m0]));
    sys_t sys0 = {n0, x0, m0, y0, cv0};
    struct pt ps2[2] = {{(a0 + -(0.125)), (pow(sys0.c, 2.0) / (2.0 + h0(&sys0, sys0.y[((n0 * 1 + n0)) % m0]) * h0(&sys0, sys0.y[((n0 * 1 + n0)) % m0]))), 0}, {x0[(n0) % n0], y0[((n0 + (m0 + m0))) % m0], 1}};
    double d0 = sinh(tanh(h0(&sys0, (sys0.c * sys0.y[((m0 + n0)) % m0]))));
    for (int k2 = n0 - 1; k2 >= 0; k2--) {
        ps2[((k2 + m0 * 2)) % 2].w += ((const double[]){tan(0.5 * tanh((x0[(k2 * 1) % n0] > -1.5 ? a0 : 3.0))), sys0.c, m0 * 2.0, sys0.y[(m0) % m0]})[((4 * 3 + k2)) % 4];
    }
    struct pt p2 = {(exp2(sin(sys0.x[(n0) % n0])) - (m0 * 2.0 + sys0.x[(m0) % n0])), hypot((n0 * 1.25 + 0.5), 0.75), 2};
    for (int k3 = 1; k3 < 3; k3++) {
        if (((sys0.c < -0.75 && 3.0 < 0.125) && (d0 > -0.75 && d0 > acc0))) {
            int c1 = k3;
            double d1 = sys0.c;
            acc0 += 0.5 * c1;
            acc0 += d1;
        } else {
            double d2 = h0(&sys0, ((sys0.x[(n0) % n0] / (2.0 + 1.25 * 1.25)) * (2.0 + sys0.c)));
            acc0 += ((d0 / (2.0 + (d0 + y0[(m0) % m0]) * (d0 + y0[(m0) % m0]))) - asin(0.5 * tanh(-(ps2[(m0) % 2].w))));
            acc0 += d2;
        }
        if (p2.w < -0.5) {
            acc0 += asinh(((0.75 * 3.0) + (0.3 / (2.0 + ps2[(k3) % 2].w * ps2[(k3) % 2].w))));
            int c2 = m0 * 2 * 1;
            acc0 += 0.5 * c2;
        } else {
            p2.v = n0 * 2.0;
            sys0.y[((n0 + 2) * 1) % m0] = (acc0 + h0(&sys0, (2.0 - acc0)));
        }
        sys0.c -= (p2.w * sin(0.75));
        struct pt p3 = {.tag = 0, .w = asinh(cbrt(1.0 + 1.5 * 1.5))};
        acc0 += p3.v;
    }
    acc0 += (1.25 / (2.0 + (d0 > -1.5 ? h1(ps2, 2) : (2.0 * p2.w)) * (d0 > -1.5 ? h1(ps2, 2) : (2.0 * p2.w))));
    for (int k4 = 0; k4 < 1; k4 += 2) {
        for (int k5 = 1; k5 < 1; k5++) {
            p2 = (struct pt){.v = (n0 % 2 == 0 ? 1.5 : x0[n0 - 1]), a0, 1};
            d0 /= (2.0 + atan((acc0 + y0[(n0) % m0])) * atan((acc0 + y0[(n0) % m0])));
        }
        p2.w = (m0 * 0.125 + (h0(&sys0, m0 * 0.3) - (y0[m0 - 1] > 1.5 ? 0.5 : k4 * 2.0)));
    }
    return acc0 + (sys0.x[((m0 + (m0 + 0))) % n0] + (m0 * 0.75 + a0));
}
ADC_DIFF(wrt(p), len(p: 5), modes(hessian))
double fh(const double *p) {
    double y[3];
    for (int i = 0; i < 3; i++)
        y[i] = p[2 + i];
    return f(p[0], 1, p + 1, 3, y);
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 221u
#define DT_NX 1
#define DT_NY 3
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 1
#include "harness.h"
#endif
