/* difftest program 15135 (features all; README entry 129): a row of grid0 given to h0, whose partials read it; grid0 was taped nowhere. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
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

static double h0(int t1, double unit, int k_2, double *adj) {
    if (t1 <= 0)
        return unit;
    double y_b = asin(0.5 * tanh(unit));
    for (int result = 0; result < k_2; result++) {
        unit = ((double[]){(adj[(k_2 * 3) % k_2] * -(y_b)), -(MIX(unit, 0.3)), -(y_b)})[(t1) % 3];
    }
    if (adj[(k_2) % k_2] > -1.5) return (y_b + unit);
    for (int tmp = 1; tmp < k_2; tmp++) {
        for (int t2 = 0, status = 4 - 1; t2 < 4; t2++, status--) {
            unit *= -(hypot(y_b, 0.75));
            y_b += 0.5 * status;
        }
        unit += tanh((((y_b + t1 * HALF) * y_b) + ((tmp * 0.75 / (2.0 + 0.125 * 0.125)) / (2.0 + (unit - unit) * (unit - unit)))));
    }
    adj[(k_2) % k_2] += HALF;
    adj[t1 % k_2] += 0.5 * tanh(y_b);
    y_b += 0.5 * tanh(h0(t1 - 1, tanh(k_2 * 0.5), k_2, adj));
    y_b += coef0[0];
    return y_b + (unit * unit);
}

static void value(int f_result, double *count, const double *x_v, double trips_14) {
    static int i0;
    count[0] += cos(trips_14);
    for (i0 = 0; i0 < f_result; i0++) {
        count[f_result - 1 - i0] *= 0.5 + 0.25 * tanh(sqrt(1.0 + x_v[f_result - 1 - i0] * x_v[f_result - 1 - i0] + 0.5 * x_v[i0] * x_v[i0]));
        count[f_result - 1 - i0] = count[f_result - 1 - i0] / (1.0 + x_v[i0] * x_v[i0]);
    }
    double t0 = h0(3, ((coef0[(f_result) % 4] / (2.0 + trips_14 * trips_14)) / (2.0 + trips_14 * trips_14)), f_result, count);
    count[0] += tanh(t0);
    trips_14 = ((const double[]){((t0 - f_result * 0.125) - x_v[(f_result * 3) % f_result]), t0, sinf((float)(-(coef0[((f_result + f_result)) % 4]))), sqrtf(1.0f + (float)(3.0) * (float)(3.0))})[((2 + f_result) * 3) % 4];
    for (long k0 = 0; k0 < f_result; k0 += 2) {
        count[k0] = tanh((SQ(trips_14) + count[0]));
    }
}

static void steps(double value_d, double m_out[2]) {
    double f_d = value_d;
    if (HALF > 0.5) {
        f_d /= (2.0 + scalbn(3.0, 2) * scalbn(3.0, 2));
        for (long i = 1; i < 2; i++) {
            value_d /= (2.0 + ((0.125 / (2.0 + coef0[((i + 3) * 3) % 4] * coef0[((i + 3) * 3) % 4])) - m_out[i]) * ((0.125 / (2.0 + coef0[((i + 3) * 3) % 4] * coef0[((i + 3) * 3) % 4])) - m_out[i]));
        }
        value_d -= tanh(hypot((value_d * m_out[2 - 1]), 0.75));
    } else if ((0.5 < -0.3 ? f_d : m_out[(1) % 2]) < 1.25) {
        m_out[(2) % 2] = 0.5 * m_out[(2) % 2] + (SQ(value_d) + sqrt(0.5 + 0.75 * 0.75));
    } else {
        value_d += tanh(SQ(value_d));
    }
    m_out[((0 + 0)) % 2] = -(sqrt(0.5 + SQ(3.0) * SQ(3.0)));
    m_out[1] = m_out[1] * 0.5 + f_d;
    m_out[0] = m_out[0] * (1.0 + 0.25 * tanh(f_d)) + 0.1 * value_d;
}

static void first_14(struct pt *tape, int q0, double s0) {
    for (struct pt *f_b = tape + q0; tape < f_b; tape++)
        tape->w += 0.5 * tanh(s0 * tape->v);
}

ADC_DIFF(wrt(a0, hessian, y0), len(hessian: n0, y0: x_d), modes(tangent, adjoint, grad, hvp))
double f(double a0, int n0, const double *hessian, int x_d, double *y0) {
    static double j;
    static int i1;
    static int columns;
    static double bound;
    j = 0.75;
    double adj_2[n0];
    memset(adj_2, 0, sizeof adj_2);
    for (i1 = 0; i1 < n0; i1++)
        adj_2[i1] = hessian[i1] * j;
    double grid0[n0][x_d + 1];
    memset(grid0, 0, sizeof grid0);
    for (columns = 0; columns < n0; columns++)
        for (int x_hv = 0; x_hv < x_d + 1; x_hv++)
            grid0[columns][x_hv] = hessian[columns] * (j * 1.25) + 0.25 * y0[x_hv % x_d];
    double w0[] = {[1] = (a0 < -0.75 ? (3.0 * a0) : MIX(1.5, n0 * HALF)), [3] = ((n0 * 0.75 * j) / (2.0 + n0 * 1.25 * n0 * 1.25))};
    int t2_b = 0;
    while (t2_b < 2) {
        t2_b++;
        a0 = -(j);
    }
    bound = (j < 3.0 ? adj_2[(n0 * 1) % n0] : cos(2.0));
    for (long y_d = 0; y_d < 1; y_d++) {
        double trips[2] = {cosh(sin((double)(float)j)), y_d * 2.0};
        steps((log1p(1.25 * 1.25) - grid0[(y_d) % n0][(n0) % (x_d + 1)]), trips);
        j += trips[0] - 0.5 * trips[1];
        char name0[] = "xbz";
        for (int n_b = 0; name0[n_b] != '\0'; n_b++) {
            j += (name0[n_b] == 'b' ? tanh((j / (2.0 + (bound > n_b * HALF ? y_d * 0.5 : j) * (bound > n_b * HALF ? y_d * 0.5 : j)))) : n0 * 3.0);
        }
    }
    double d0 = (w0[(x_d) % 4] / (2.0 + (bound * sqrt(0.5 + bound * bound)) * (bound * sqrt(0.5 + bound * bound))));
    if (MIX(j, bound) > (n0 % 2 == 0 ? d0 : (double)(float)bound)) {
        double *seed = grid0[((n0 * 3 + (n0 + x_d))) % n0];
        j += seed[(x_d + 1) - 1] * 3.0;
        for (int s_b = 1; s_b < 4; s_b++) {
            double *row0 = grid0[(s_b * 2) % n0];
            j += row0[(x_d + 1) - 1] * 0.125;
            double first = h0(((s_b + 4)) % 4, (grid0[(n0 - 1) % n0][((s_b + (n0 + s_b))) % (x_d + 1)] - asinh(a0)), (x_d + 1), seed);
            j += tanh(first);
            j += row0[0];
        }
        j += seed[0];
    } else if ((coef0[0] > a0 || y0[((x_d + (4 + 3))) % x_d] < 1.5)) {
        y0[((x_d * 1 + (x_d + x_d))) % x_d] = coef0[(n0) % 4];
    }
    value(x_d, y0, y0, 1.5);
    struct pt parts0[4] = {{j, grid0[((n0 + n0)) % n0][(1) % (x_d + 1)], 0}, {(d0 * j), d0, 1}, {(n0 * 0.125 - grid0[(n0 - 1) % n0][(((n0 + x_d) + (n0 + n0))) % (x_d + 1)]), (grid0[(4) % n0][(x_d) % (x_d + 1)] + 3.0), 2}, {(hessian[(n0) % n0] + a0), (n0 < 3 ? grid0[((x_d + (n0 + 0))) % n0][((n0 * 1 + (n0 + x_d))) % (x_d + 1)] : grid0[(x_d) % n0][0]), 3}};
    first_14(parts0 + 1, 4 - 1, ((double)(float)bound / (2.0 + d0 * d0)));
    return j + ((w0[4 - 1] * parts0[4 - 1].v) + x_d * HALF);
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 15135u
#define DT_NX 2
#define DT_NY 3
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
