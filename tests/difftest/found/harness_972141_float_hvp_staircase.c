/* README bug 40 (harness): seed 972141, float + hvp, every compiler. hvp-fd failed 78 % off
 * (component 4: adc 0.0077, differences of f_grad 0.0017 at every step) although adc is right:
 * float x_hv = pow(...) rounds the gradient into a staircase wider than the steps; the double
 * twin's adc hvp is 0.0078, its gradient's differences 0.0078. hvp-fd now has a double twin
 * (harness.h gradient_twin): skipped.
 */
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

static double hessian(double x_d, double q0) {
    double steps = -(3.0);
    for (int unit = 0, x_b_d = 4 - 1; unit < 4; unit++, x_b_d--) {
        int c0 = ((1 + unit) + unit);
        double tape = (c0 < 3 ? ((c0 * HALF * x_d) - atanh(0.5 * tanh(0.5))) : -(sin(unit * 0.3)));
        steps += tape;
        steps += 0.5 * x_b_d;
    }
    q0 = steps;
    q0 = 0.5 * q0 + x_d;
    steps /= (2.0 + -(tan(0.5 * tanh(3.0))) * -(tan(0.5 * tanh(3.0))));
    steps += q0;
    return steps + coef0[(0) % 4];
}

static float h0(float first, double k_2) {
    float r0 = k_2;
    r0 += (-(ldexp(0.5, -1)) - k_2);
    k_2 *= ((first / (2.0 + k_2 * k_2)) / (2.0 + MIX(coef0[(2) % 4], coef0[(((3 + 2) + 4)) % 4]) * MIX(coef0[(2) % 4], coef0[(((3 + 2) + 4)) % 4])));
    double d0 = -(((k_2 / (2.0 + coef0[(4) % 4] * coef0[(4) % 4])) + (coef0[4 - 1] + k_2)));
    d0 /= (2.0 + HALF * HALF);
    double d1 = log(1.5 + (r0 > 1.5 ? ((double)r0 < 0.3 ? coef0[(1) % 4] : coef0[4 - 1]) : (coef0[(2) % 4] - HALF)) * (r0 > 1.5 ? ((double)r0 < 0.3 ? coef0[(1) % 4] : coef0[4 - 1]) : (coef0[(2) % 4] - HALF)));
    d0 = (d1 - cbrt(1.0 + r0 * r0)), d1 += acosh(1.5 + (double)first * (double)first);
    r0 += d0;
    return r0 + atan2(coef0[4 - 1], 1.5 + coef0[4 - 1] * coef0[4 - 1]);
}

static double first_14(const double p0[2][3], double q1) {
    double r1 = -(coef0[((1 + 4)) % 4]);
    for (long k0 = 0; k0 < 4; k0 += 2) {
        r1 += q1;
        struct pt p1 = {(h0((float)q1, 1.5) + h0(q1, coef0[k0])), exp(tanh(coef0[(k0) % 4])), 0};
        r1 += 0.75;
        r1 += p1.v;
    }
    const double *q2 = coef0;
    while (q2 < coef0 + 4) {
        r1 += *q2 * coef0[4 - 1];
        q2 += 1;
    }
    q1 = (sqrtf(1.0f + (float)(coef0[4 - 1]) * (float)(coef0[4 - 1])) - 3.0);
    r1 += p0[1][2];
    return r1 + q1;
}

ADC_DIFF(wrt(result, x0, tmp), len(x0: adj_2, tmp: m0), modes(tangent, adjoint, grad, hvp))
double f(double result, int adj_2, const double *x0, int m0, double *tmp) {
    double acc0 = (scalbn(tmp[(m0 * 2 * 2) % m0], 2) / (2.0 + (result + result) * (result + result)));
    double trips[2][3] = {{(x0[adj_2 - 1] + acc0), (2.0 - acc0), 0.5}, {(m0 * 0.3 / (2.0 + tmp[m0 - 1] * tmp[m0 - 1])), 1.0, x0[((adj_2 + adj_2) * 2) % adj_2]}};
    int w0 = 0;
    do {
        w0++;
        double a_d = (x0[(m0) % adj_2] < 0.5 ? ((acc0 + result) - erfc(tmp[(adj_2 * 3) % m0])) : (trips[2 - 1][3 - 1] / (2.0 + pow(acc0, 2.0) * pow(acc0, 2.0))));
        double bound_14 = ((result > m0 * 1.5 || m0 * 0.75 > a_d) ? (atan2(acc0, 1.5 + acc0 * acc0) + (x0[(adj_2) % adj_2] + acc0)) : atan((trips[((w0 + 3)) % 2][(m0) % 3] * tmp[0])));
        int trips_14 = ((adj_2 + 4)) % adj_2;
        const double *value = x0 + trips_14;
        acc0 += value[(adj_2 - trips_14) - 1] * 0.125;
        acc0 += bound_14;
        acc0 += 0.5 * trips_14;
        acc0 += value[0];
    } while (w0 < 4);
    trips[2 - 1][(((m0 + adj_2) + adj_2)) % 3] = 0.5 * trips[2 - 1][(((m0 + adj_2) + adj_2)) % 3] + -((x0[0] > -2.0 ? tmp[(adj_2) % m0] : 0.125));
    double d2 = acc0;
    acc0 = MIX((trips[(2) % 2][3 - 1] * 0.125), (m0 < 4 ? result : tmp[0])), result += (MIX(coef0[((0 + adj_2 * 2)) % 4], coef0[(adj_2) % 4]) / (2.0 + acc0 * acc0));
    acc0 += ((fmax(m0 * 0.75, -0.5) + 0.3) * asin(0.5 * tanh(first_14(trips, tmp[(adj_2) % m0]))));
    for (int i = 1; i < m0; i++) {
        acc0 += expf(tanhf((float)(acosh(1.5 + d2 * d2))));
        if (m0 * 3.0 > 0.5) break;
        int w1 = 0;
        while (w1 < 4 && tmp[(m0) % m0] < -1.25) {
            w1++;
            if ((trips[(m0) % 2][((i + i) * 2) % 3] > -0.125 && 0.125 < -2.0)) continue;
            if (adj_2 < 2) break;
        }
        result -= (HALF > -0.75 ? (tmp[((adj_2 + i) * 1) % m0] * i * 0.3) : 3.0);
    }
    result = cosh(sin((acosh(1.5 + coef0[(m0 * 2) % 4] * coef0[(m0 * 2) % 4]) * erf(x0[(((2 + adj_2) + (m0 + 1))) % adj_2]))));
    if (adj_2 % 2 == 0) {
        double bound = 0.5;
        d2 /= (2.0 + ((coef0[4 - 1] > coef0[(m0 * 3 * 3) % 4] ? trips[(m0) % 2][(((m0 + 0) + adj_2)) % 3] : 0.75) - 1.5) * ((coef0[4 - 1] > coef0[(m0 * 3 * 3) % 4] ? trips[(m0) % 2][(((m0 + 0) + adj_2)) % 3] : 0.75) - 1.5));
        acc0 += bound;
    } else if (adj_2 * 1.25 > -0.75) {
        double buf0[2] = {-(adj_2 * HALF), coef0[(0 * 2) % 4]};
        acc0 += buf0[0];
    }
    float x_hv = pow(first_14(trips, acc0), 3);
    double f_result[4] = {(cosh(sin(result)) * first_14(trips, 0.3)), scalbn(pow(adj_2 * 0.5, 2.0), 2), (trips[(m0) % 2][((adj_2 + adj_2 * 1)) % 3] - trips[((0 + (m0 + m0))) % 2][(m0) % 3]), (d2 - result)};
    if (sin(trips[(0) % 2][3 - 1]) > -HALF) {
        double *pd0 = &result;
        *pd0 = 0.5 * *pd0 + SQ(d2);
    } else if ((f_result[(m0) % 4] / (2.0 + result * result)) < 0.5) {
        double *t2 = &acc0;
        *t2 = 0.5 * *t2 + trips[((m0 + m0) * 2) % 2][3 - 1];
        if (m0 * 0.5 > (*t2)) return atanh(0.5 * tanh((trips[(adj_2) % 2][(0) % 3] > (*t2) ? x_hv : coef0[(1 * 2) % 4])));
        double *status = &d2;
        *status = 0.5 * *status + (double)x_hv;
    } else if ((tmp[(m0) % m0] > x0[(m0) % adj_2] && m0 % 2 == 0)) {
        double y_d = (acc0 - (trips[(m0) % 2][3 - 1] - log1p(adj_2 * 2.0 * adj_2 * 2.0)));
        acc0 += y_d;
    } else {
        int s_b = 0;
        while (s_b < 2) {
            s_b++;
            result -= adj_2 * 0.5;
            tmp[m0 - 1] = exp(tanh(-((adj_2 * 2.0 + d2))));
            acc0 += m0 * 0.75;
            result -= ((adj_2 % 2 == 0 ? adj_2 * HALF : 3.0) - (2.0 - trips[0][(adj_2 * 3) % 3]));
        }
        x_hv = 0.5 * x_hv + (double)x_hv;
    }
    acc0 += hessian((x_hv + f_result[((adj_2 + (m0 + m0))) % 4]), (HALF / (2.0 + m0 * 1.5 * m0 * 1.5)));
    return acc0 + ((x_hv - coef0[4 - 1]) * (trips[(((adj_2 + 1) + adj_2)) % 2][(m0) % 3] / (2.0 + coef0[(adj_2) % 4] * coef0[(adj_2) % 4])));
}

ADC_DIFF(wrt(p), len(p: 8), modes(hessian))
double fh(const double *p) {
    double y[3];
    for (int i = 0; i < 3; i++)
        y[i] = p[5 + i];
    return f(p[0], 4, p + 1, 3, y);
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 972141u
#define DT_NX 4
#define DT_NY 3
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 1
#include "harness.h"
#endif
