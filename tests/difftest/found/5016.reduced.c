#include <math.h>
#include <adc.h>
static void h0(double p0, double *q0) {
    *q0 = tanh(p0);
    if (p0 < -1.25) {
        for (int k0 = 1; k0 < 4; k0++) {
            double buf0[3] = {(p0 * (p0 - (*q0))), (*q0), ((*q0) > -2.0 ? k0 * 1.5 : p0)};
            if (buf0[3 - 1] > (*q0)) break;
        }
    }
}
static void h1(double p1, double *q1) {
    h0(p1, &p1);
    p1 += ((p1 + p1) / (2.0 + ((p1 + p1) / (2.0 + ((*q1) / (2.0 + p1 * p1)) * ((*q1) / (2.0 + p1 * p1)))) * ((p1 + p1) / (2.0 + ((*q1) / (2.0 + p1 * p1)) * ((*q1) / (2.0 + p1 * p1))))));
    float fl0 = (float)p1;
    for (int k1 = 1; k1 < 2; k1++) {
    }
    *q1 += fl0;
}
static void h2(double p2, double *q2) {
    *q2 = (p2 - p2);
}
ADC_DIFF(wrt(a0, x0, y0), len(x0: n0, y0: m0), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double f(double a0, int n0, const double *x0, int m0, double *y0) {
    double acc0 = -(-(2.0));
    double d0 = (m0 * 1.5 * atanh(0.5 * tanh((x0[n0 - 1] * y0[(n0) % m0]))));
    float fl1 = (float)((d0 - 3.0) + (y0[m0 - 1] * 0.125));
    for (int k3 = 3 - 1; k3 >= 0; k3--) {
        for (int k4 = 0; k4 < 3; k4 += 2) {
        }
        int w0 = 0;
        while (w0 < 1) {
            w0++;
            double buf1[2] = {(tanh(k3 * 1.5) + d0), y0[(n0 * 3) % m0]};
            fl1 = (d0 * (2.0 < -3.0 ? acc0 : (y0[(k3) % m0] + a0)));
            acc0 += buf1[0];
        }
    }
    h1((y0[((m0 + m0 * 3)) % m0] * fl1), &acc0);
    h2(m0 * 0.125, &acc0);
    return acc0 + -((a0 + 2.0));
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 5016u
#define DT_NX 2
#define DT_NY 3
#define DT_W 2
#include "harness.h"
#endif
