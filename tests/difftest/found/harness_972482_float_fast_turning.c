/* README bug 41 (harness): seed 972482, float + hvp, gcc. tangent-fd failed: adc -1.27e10,
 * the double twin's differences 2.58e10, settled. adc is right: f is 7.3e10 + ...
 * pow(acos(0.5 sin(s)), 2) with s near 7e10, so the derivative swings from -1.7e10 to 6.9e10
 * within 1e-8 (the twin's adc tangent averaged over [0, 1e-8] is its secant to 5e-8). The
 * twin's judgement now asks turns_within_step like a program without a twin: skipped.
 */
#include <math.h>
#include <adc.h>

#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))

static double f_d(int value_d, const double *p0, double s0) {
    double a_d = SQ(value_d * 2.0);
    for (int first_14 = 0; first_14 < value_d; first_14++) {
        s0 -= erf((p0[((first_14 + value_d)) % value_d] / (2.0 + p0[value_d - 1] * p0[value_d - 1])));
    }
    s0 = p0[(value_d) % value_d];
    a_d *= (a_d > value_d * 0.75 ? value_d * 3.0 : atan2(a_d, 1.5 + a_d * a_d));
    s0 = 0.5 * s0 + (value_d * 0.5 > 2.0 ? (3.0 + value_d * 0.5) : (s0 * p0[(0) % value_d]));
    return a_d + (0.3 / (2.0 + s0 * s0));
}

ADC_DIFF(wrt(a0, x0, y0), len(x0: f_result, y0: columns), modes(tangent, tangent_vector, adjoint, grad, hvp, jacobian), vector(3))
double f(double a0, int f_result, const double *x0, int columns, double *y0) {
    double s_b = 0.25 * y0[0] + (-(y0[(1) % columns]) - (a0 / (2.0 + a0 * a0)));
    double buf0[2] = {((3.0 / (2.0 + 1.25 * 1.25)) + (y0[(columns) % columns] + a0)), y0[((columns + f_result)) % columns]};
    a0 -= a0;
    ADC_CHECKPOINT(3)
    for (int adj_2 = 0; adj_2 < f_result; adj_2++) {
        s_b += MIX((f_d(2, buf0, (double)(float)a0) - sqrt(0.5 + buf0[(f_result) % 2] * buf0[(f_result) % 2])), (adj_2 * 1.25 + (s_b - buf0[((f_result + columns) * 1) % 2])));
        a0 = -(y0[0]);
    }
    buf0[0] = -((pow(1.25 + x0[(f_result) % f_result] * x0[(f_result) % f_result], 0.7) * f_d(columns, y0, f_result * 2.0)));
    a0 = 0.5 * a0 + ((a0 / (2.0 + a0 * a0)) / (2.0 + (f_result * HALF + (double)(float)a0) * (f_result * HALF + (double)(float)a0)));
    double buf1[3] = {sinf((float)(buf0[(f_result) % 2])), f_result * 1.25, sinh(tanh((buf0[(columns) % 2] * a0)))};
    static const double x_v[3] = {HALF, -2.0, 3.0};
    double trips[2] = {scalbn((double)(float)a0, 2), (buf0[(f_result * 2) % 2] * buf0[((columns + f_result) * 2) % 2])}, y_d[2] = {0.0};
    double *trips_14[2] = {trips, y_d};
    for (int y_b = 0; y_b < 3; y_b++) {
        const double *cur0 = trips_14[y_b % 2];
        double *bound_14 = trips_14[(y_b + 1) % 2];
        for (int adj = 0; adj < 2; adj++)
            bound_14[adj] = 0.5 * cur0[adj] + tanh(-(s_b)) * cur0[(adj + 1) % 2];
    }
    double *unit = trips_14[0], *back0 = trips_14[1];
    double *tmp0 = unit;
    unit = back0;
    back0 = tmp0;
    s_b += unit[0] * back0[0] + trips_14[1][0] * trips[0];
    s_b += buf1[0];
    s_b += x_v[0];
    return s_b + pow(acos(0.5 * sin(s_b)), 2.0);
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 972482u
#define DT_NX 4
#define DT_NY 3
#define DT_W 3
#define DT_FLOAT 1
#define DT_HVP 1
#define DT_JAC 1
#define DT_HESS 0
#include "harness.h"
#endif
