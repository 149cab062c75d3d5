/* difftest program 3984 (features all), its double twin, reduced by hand. README bug 33: the
 * dot-product test was off by 3.6e-3 relative, and adc was right. f returns acc0 * y - y * acc0
 * (0 from terms of 2e20); the sweep seeded with both outputs adds and removes those terms in
 * y0_b, which also holds y's seed, and rounds that seed away. Seeded with one output at a time
 * the adjoint matches f_tangent to 1e-10 (f's row is exactly 0), and the sum of those sweeps
 * passes the dot-product test: the harness counts the program as skipped. */
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

double x_v(const double p0[2][3], double q0) {
    double j = (coef0[(2) % 4] * coef0[0]);
    j = 0.5 * j + -(fmin(j, 0.25));
    if ((coef0[4 - 1] > coef0[0] && 1.5 > -1.5)) {
        q0 = 0.5 * q0 + expm1(0.5 * tanh(SQ(p0[(0) % 2][(1) % 3])));
        double buf0[4] = {((q0 * coef0[(4) % 4]) - exp(tanh(coef0[(4) % 4]))), pow(1.5 + coef0[0] * coef0[0], 0.5 + 0.25 * tanh(MIX(coef0[(2) % 4], coef0[(3) % 4]))), MIX((q0 / (2.0 + q0 * q0)), -(HALF)), p0[(0) % 2][0]};
        j += buf0[0];
    } else {
        q0 = 0.5 * q0 + (coef0[(3) % 4] - q0);
        j = (acosh(1.5 + (q0 - j) * (q0 - j)) - sqrt(1.0f + (double)((0.3 > -0.75 ? p0[((4 + (2 + 3))) % 2][((3 + 4 * 1)) % 3] : j)) * (double)((0.3 > -0.75 ? p0[((4 + (2 + 3))) % 2][((3 + 4 * 1)) % 3] : j))));
    }
    return j + -(q0);
}

void count(int q1, double *k, double f_b) {
    k[0] += f_b;
    for (int k0 = 0; k0 < q1; k0++) {
        if ((f_b - f_b) > cbrt(1.0 + k[(q1) % q1] * k[(q1) % q1])) {
            k[((k0 + k0) * 2) % q1] = ((-(f_b) / (2.0 + f_b * f_b)) / (2.0 + pow(1.5 + (k[((k0 + (k0 + k0))) % q1] * coef0[(1 * 3) % 4]) * (k[((k0 + (k0 + k0))) % q1] * coef0[(1 * 3) % 4]), 0.5 + 0.25 * tanh(sqrt(0.5 + coef0[4 - 1] * coef0[4 - 1]))) * pow(1.5 + (k[((k0 + (k0 + k0))) % q1] * coef0[(1 * 3) % 4]) * (k[((k0 + (k0 + k0))) % q1] * coef0[(1 * 3) % 4]), 0.5 + 0.25 * tanh(sqrt(0.5 + coef0[4 - 1] * coef0[4 - 1])))));
            f_b = 0.75;
        } else if (2.0 > f_b) {
            k[((k0 * 2 + (k0 + q1))) % q1] = 0.75;
            k[((k0 + q1 * 3)) % q1] -= ((f_b < -0.3 ? q1 * 0.3 : coef0[4 - 1]) * (1.5 / (2.0 + f_b * f_b)));
        } else {
            k[(k0) % q1] *= (k[((k0 + (k0 + 3))) % q1] * (k[q1 - 1 - k0] * coef0[(q1) % 4]));
        }
        f_b = 0.5 * f_b + -(-(q1 * 1.5));
    }
}

void f_d(double p1, double *q2) {
    *q2 = p1;
    p1 /= (2.0 + (-(0.5) - (coef0[(((4 + 1) + (1 + 0))) % 4] - coef0[(0) % 4])) * (-(0.5) - (coef0[(((4 + 1) + (1 + 0))) % 4] - coef0[(0) % 4])));
    int first = 0;
    while (first < 2 && (p1 > -HALF && p1 > p1)) {
        first++;
        *q2 = log10(1.0 + (exp2(sin(coef0[(first) % 4])) * coef0[((first + (first + first))) % 4]) * (exp2(sin(coef0[(first) % 4])) * coef0[((first + (first + first))) % 4]));
    }
    p1 = coef0[(((4 + 4) + 1)) % 4];
}

ADC_DIFF(wrt(a0, x0, y0), len(x0: trips_14, y0: value), modes(tangent, adjoint, grad, hvp, jacobian))
double f(double a0, int trips_14, const double *x0, int value, double *y0) {
    double acc0 = 0.25 * y0[0] + ((value * 0.125 * value * 0.5) - hypot(1.25, 0.75));
    double done[2][3] = {{trips_14 * 2.0, (a0 - acc0), 0.5}, {coef0[(value) % 4], 1.0, value * 0.5}};
    a0 = 0.5 * a0 + (MIX(done[2 - 1][(2) % 3], 0.125) / (2.0 + (0.125 / (2.0 + value * 0.5 * value * 0.5)) * (0.125 / (2.0 + value * 0.5 * value * 0.5))));
    done[((value + (trips_14 + trips_14))) % 2][(value) % 3] += -(a0);
    for (int x_hv = 0; x_hv < trips_14; x_hv++) {
        if (coef0[(trips_14) % 4] > 1.25) {
            double n_b = -((erfc(y0[value - 1]) - -(x_hv * 3.0)));
            acc0 += n_b;
        } else {
            y0[((0 + trips_14) * 1) % value] = 0.5 * y0[((0 + trips_14) * 1) % value] + cos(coef0[((trips_14 + (value + trips_14))) % 4]);
        }
        if ((trips_14 % 2 == 0 && value < 2)) {
            y0[value - 1] = x_hv * 0.75;
            int ex0 = 0;
            double k_2 = frexp(((2.0 - x_hv * 3.0) - (0.3 - trips_14 * 3.0)), &ex0);
            k_2 += 0.125 * ex0;
            acc0 += k_2;
        } else if (a0 > 1.5) {
            y0[(trips_14) % value] *= -((double)(double)acc0);
            int ex1 = 0;
            double value_d = frexp((coef0[(0) % 4] > -0.125 ? x0[(0) % trips_14] : (acc0 / (2.0 + y0[value - 1] * y0[value - 1]))), &ex1);
            value_d += 0.125 * ex1;
            acc0 += value_d;
        } else if ((acc0 - done[(value) % 2][(((x_hv + 4) + (x_hv + trips_14))) % 3]) > acosh(1.5 + trips_14 * 2.0 * trips_14 * 2.0)) {
            y0[((value + value * 1)) % value] = 0.5 * y0[((value + value * 1)) % value] + ((trips_14 % 2 == 1 ? 0.3 : y0[(trips_14 * 2) % value]) + x0[(value) % trips_14]);
            y0[(trips_14) % value] = trips_14 * 3.0;
        } else {
            acc0 += 0.0;
        }
        double ip0 = 0.0;
        double d0 = modf((1.5 + (1.5 + a0)), &ip0);
        acc0 += ip0;
        acc0 += d0;
    }
    double d1 = ldexp(acos(0.5 * sin(acosh(1.5 + 0.3 * 0.3))), -1);
    a0 = sin(x0[((value + value)) % trips_14]);
    y0[(trips_14) % value] *= acc0;
    const double *t1 = coef0;
    while (t1 < coef0 + 4) {
        acc0 += *t1 * d1;
        t1 += 1;
    }
    y0[((trips_14 + trips_14)) % value] = ((coef0[(value) % 4] + d1) + value * 2.0);
    for (int k1 = 1; k1 < 2; k1++) {
        acc0 += (a0 / (2.0 + (sin(d1) * log(1.5 + x0[0] * x0[0])) * (sin(d1) * log(1.5 + x0[0] * x0[0]))));
        int seed = 0;
        while (seed < 4 && trips_14 < 3) {
            seed++;
            y0[value - 1] += ((acc0 - (acc0 / (2.0 + done[(k1) % 2][(value) % 3] * done[(k1) % 2][(value) % 3]))) - x0[trips_14 - 1]);
            double p2v = ((seed * 1.25 * acc0) + (acc0 * y0[(1 * 2) % value]));
            acc0 += p2v;
        }
    }
    acc0 = 0.5 * acc0 + x0[trips_14 - 1];
    double x_b_d[2] = {-((y0[(trips_14) % value] * acc0)), (x0[(((trips_14 + value) + (value + trips_14))) % trips_14] / (2.0 + trips_14 * 0.3 * trips_14 * 0.3))};
    acc0 = acc0 * y0[((trips_14 + value * 1)) % value]; (void)f_d;
    acc0 += x_b_d[0];
    return acc0 + acc0;
}

ADC_DIFF(wrt(p), len(p: 4), modes(hessian))
double fh(const double *p) {
    double y[1];
    for (int i = 0; i < 1; i++)
        y[i] = p[3 + i];
    return f(p[0], 2, p + 1, 1, y);
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 3984u
#define DT_NX 2
#define DT_NY 1
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 1
#define DT_JAC 1
#define DT_HESS 1
#include "harness.h"
#endif
