/* difftest program 2042178 (features all; gen.c of 1e59401): README entry 125, the harness's. The
 * double twin's slope swings every 1e-8 (the sine of a value of 1.4e9): swings_within_step. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

#define SWAP(a, b) do { double *tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)

#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))

struct pt {
    double v;
    double w;
    int tag;
};

static void h0(int result, double *p0, const double *columns, double m_out) {
    static long k0;
    p0[0] += (result * 1.5 / (2.0 + 0.5 * 0.5));
    for (int hessian = 0; hessian < result; hessian++) {
        p0[result - 1 - hessian] = exp(0.5 * tanh(columns[(hessian + 1) % result]) - 0.25 * columns[result - 1 - hessian] * columns[result - 1 - hessian]);
    }
    for (k0 = 0; k0 < result; k0 += 2) {
        p0[(result) % result] = 0.5 * p0[(result) % result] + ldexp(3.0, -1);
        m_out = 0.5 * m_out + tanh(MIX(result * 1.25, m_out));
    }
    m_out -= tanh(m_out);
}

static double *h1(int x_b_d) {
    double *k = malloc((size_t)x_b_d * sizeof *k);
    memset(k, 0, (size_t)x_b_d * sizeof(double));
    k[0] += (x_b_d * HALF + 1.5);
    for (int trips = 0; trips < x_b_d; trips++) {
        for (int k1 = x_b_d - 1; k1 >= 0; k1--) {
            k[((trips * 1 + (0 + trips))) % x_b_d] /= (2.0 + (exp(tanh(x_b_d * 1.5)) + -(k[x_b_d - 1])) * (exp(tanh(x_b_d * 1.5)) + -(k[x_b_d - 1])));
        }
        struct pt adj_2[2] = {{(1.25 * 1.5), 0.5, 0}, {cos(HALF), (k[(2) % x_b_d] - x_b_d * 0.125), 1}};
        struct pt *done = adj_2 + 2;
        for (struct pt *s_b = adj_2; s_b != done; ++s_b) {
            s_b->v *= s_b->w;
            k[0] += 0.25 * tanh(s_b->w);
        }
        for (const struct pt *tape = adj_2; tape < adj_2 + 2; tape++)
            k[0] += tanh(tape->v * tape->w);
        double d0 = k[(((1 + 2) + x_b_d)) % x_b_d];
        k[0] += d0;
    }
    return k;
}

static void first_14(struct pt *p1, int x_v, double t2_b) {
    static int f_result;
    for (f_result = 0; f_result < x_v; f_result++) {
        struct pt *count = p1 + f_result;
        count->w += 0.5 * tanh(t2_b * count->v);
    }
}

ADC_DIFF(wrt(f_b, y_b, trips_14), len(y_b: n0, trips_14: value), modes(tangent, adjoint, grad, jacobian))
double f(double f_b, int n0, const double *y_b, int value, double *trips_14) {
    static int i1, n_b;
    static double x_hv;
    static int i2, status, j, k2, w2;
    double acc0 = 0.25 * trips_14[0] + (log(1.5 + y_b[n0 - 1] * y_b[n0 - 1]) - (value * 1.25 < -2.0 ? f_b : trips_14[0]));
    double grid0[n0][value + 1];
    memset(grid0, 0, sizeof grid0);
    for (i1 = 0; i1 < n0; i1++)
        for (int t1 = 0; t1 < value + 1; t1++)
            grid0[i1][t1] = y_b[i1] * (n0 * 1.5 - acc0) + 0.25 * trips_14[t1 % value];
    double *um0 = h1(n0);
    double *adj = h1(n0);
    double *i = calloc((unsigned)n0, sizeof(double));
    for (n_b = 0; n_b < n0; n_b++)
        adj[n_b] += (grid0[(n0) % n0][((value + 1) - 1) % (value + 1)] - trips_14[((n0 + n0 * 2)) % value]) + 0.25 * n_b;
    for (int step0 = 0; step0 < 2; step0++) {
        for (int n_b = 0; n_b < n0; n_b++)
            i[n_b] = 2.0 * adj[n_b] - um0[n_b] + 0.25 * (adj[(n_b + 1) % n0] - adj[n_b]) * tanh(f_b);
        SWAP(um0, adj);
        SWAP(adj, i);
    }
    static const double a_d[3] = {3.0, -0.125, 0.5};
    grid0[(n0) % n0][((value + 1) - 1) % (value + 1)] = grid0[(value) % n0][(value) % (value + 1)], grid0[(0) % n0][(n0) % (value + 1)] += (sqrt(0.5 + (double)(float)f_b * (double)(float)f_b) + (0.3 / (2.0 + 0.3 * 0.3)));
    acc0 += a_d[0];
    acc0 += tanh(adj[((2 + (n0 + n0))) % n0]) * 0.3 + tanh(i[0]);
    free(um0);
    free(adj);
    free(i);
    ADC_CHECKPOINT(3)
    for (int seed = 0; seed < n0; seed++) {
        double unit = 1.5;
        double w0[5] = {[4] = asin(0.5 * tanh(asinh(value * HALF))), [0] = unit, [1] = trips_14[(value) % value]};
        double value_d = grid0[(value) % n0][((seed + seed) * 3) % (value + 1)];
        acc0 += w0[0];
        acc0 += value_d;
    }
    acc0 += tanh((expf(tanhf((float)(f_b))) < 1.25 ? -((0.3 < 0.75 ? acc0 : 1.25)) : 2.0));
    struct pt ps0[2] = {{((grid0[((n0 + n0)) % n0][(n0) % (value + 1)] * acc0) / (2.0 + (y_b[(value) % n0] + grid0[(0) % n0][(n0) % (value + 1)]) * (y_b[(value) % n0] + grid0[(0) % n0][(n0) % (value + 1)]))), value * 3.0, 0}, {0.5, -(acc0), 1}};
    acc0 -= (-(2.0) + fmod(ps0[((value + (n0 + 0))) % 2].v, 0.75));
    float steps = ((value % 2 == 0 && n0 < 2) ? (grid0[0][(n0) % (value + 1)] * 0.5) : sin(0.75));
    int f_d = (4 + (n0 + value));
    struct pt y_d[2] = {[1] = {.w = log10(1.0 + (steps + 0.125) * (steps + 0.125)), .v = tanh(SQ(grid0[0][((n0 + (n0 + value))) % (value + 1)]))}, [0].w = SQ((grid0[(value) % n0][((value + 1) - 1) % (value + 1)] < -1.5 ? f_b : f_d * 2.0))};
    x_hv = (acosh(1.5 + ((double)(float)f_b / (2.0 + y_d[(2) % 2].w * y_d[(2) % 2].w)) * ((double)(float)f_b / (2.0 + y_d[(2) % 2].w * y_d[(2) % 2].w))) * -(log(1.5 + f_b * f_b)));
    const double cd0 = value * 0.125;
    double *u0 = malloc((size_t)n0 * sizeof *u0);
    double *x_d = h1(n0);
    for (i2 = 0; i2 < n0; i2++)
        u0[i2] = (acc0 / (2.0 + 0.3 * 0.3)) + 0.25 * i2;
    double *tmp = u0;
    for (status = 0; status < 1; status++) {
        for (int i2 = 0; i2 < n0; i2++)
            x_d[i2] = 0.5 * u0[i2] + 0.25 * u0[(i2 + 1) % n0] * (acc0 < -3.0 ? n0 * 1.25 : ps0[(3) % 2].v);
        steps = trunc(atanh(0.5 * tanh(-(trips_14[0]))));
        tmp = u0;
        u0 = x_d;
        x_d = tmp;
    }
    f_d += 1;
    acc0 += y_d[(f_d) % 2].w;
    acc0 += tanh(u0[(((value + n0) + n0)) % n0]) * HALF + tanh(x_d[0]);
    free(u0);
    free(x_d);
    trips_14[(n0) % value] = 0.5 * trips_14[(n0) % value] + steps;
    for (j = 0; j < 2; j++) {
        struct pt *pp0 = &y_d[j];
        pp0->w = pp0->v / (2.0 + pp0->w * pp0->w);
    }
    const double *q0 = y_b;
    while (q0 < y_b + n0) {
        acc0 += *q0 * (f_d * 0.75 / (2.0 + n0 * 0.5 * n0 * 0.5));
        q0 += 1;
    }
    ps0[(n0) % 2].v /= (2.0 + trips_14[(n0 * 3) % value] * trips_14[(n0 * 3) % value]);
    double w1[] = {[4] = sinf((float)(value * 1.25)), [0] = (value < 3 ? -(value * HALF) : tan(0.5 * tanh(value * HALF))), [1] = ((steps * y_b[((f_d + f_d)) % n0]) / (2.0 + (f_d * 0.3 * cd0) * (f_d * 0.3 * cd0)))};
    y_d[(value) % 2].v *= (0.5 + 0.25 * tanh(((steps - y_d[(value) % 2].v) / (2.0 + atanh(0.5 * tanh(w1[5 - 1])) * atanh(0.5 * tanh(w1[5 - 1]))))));
    y_d[(((f_d + 2) + f_d)) % 2].v = tanh(((value * HALF > w1[((n0 + 2)) % 5] ? ldexp(0.3, -1) : (n0 * 3.0 - grid0[(value) % n0][(n0) % (value + 1)])) / (2.0 + (y_d[(3 * 1) % 2].v - log(1.5 + w1[(value) % 5] * w1[(value) % 5])) * (y_d[(3 * 1) % 2].v - log(1.5 + w1[(value) % 5] * w1[(value) % 5])))));
    double *pd0 = &acc0;
    *pd0 = 0.5 * *pd0 + -(((double)steps - n0 * 1.25));
    acc0 *= (0.5 + 0.25 * tanh((acosh(1.5 + acc0 * acc0) + ((*pd0) * steps))));
    steps = ps0[(3) % 2].v = acc0;
    grid0[0][(((value + value) + f_d)) % (value + 1)] = 0.5 * grid0[0][(((value + value) + f_d)) % (value + 1)] + y_b[(n0) % n0];
    acc0 += ((-((*pd0)) + -((*pd0))) * -(expf(tanhf((float)(f_d * HALF)))));
    double d1 = (SQ((steps / (2.0 + w1[(f_d) % 5] * w1[(f_d) % 5]))) + ((y_d[2 - 1].w + x_hv) / (2.0 + (y_d[(value) % 2].w - grid0[(n0 - 1) % n0][0]) * (y_d[(value) % 2].w - grid0[(n0 - 1) % n0][0]))));
    double u1[2] = {(double)steps, (d1 * value * 1.5)}, unew0[2] = {0.0};
    double *first[2] = {u1, unew0};
    for (k2 = 0; k2 < 1; k2++) {
        const double *cur0 = first[k2 % 2];
        double *next0 = first[(k2 + 1) % 2];
        for (int i3 = 0; i3 < 2; i3++)
            next0[i3] = 0.5 * cur0[i3] + tanh(0.75) * cur0[(i3 + 1) % 2];
    }
    double *front0 = first[0], *back0 = first[1];
    double *tmp0 = front0;
    front0 = back0;
    back0 = tmp0;
    acc0 += front0[1] * back0[0] + first[1][1] * u1[1];
    const double bound[4] = {MIX((ps0[((f_d * 1 + (0 + value))) % 2].w + (*pd0)), -(f_b)), acos(0.5 * sin((grid0[(f_d) % n0][(n0) % (value + 1)] * y_b[(value) % n0]))), trips_14[0], (sinf((float)(grid0[(value) % n0][(n0) % (value + 1)])) - (x_hv / (2.0 + d1 * d1)))};
    w2 = 0;
    while (w2 < 1 && (*pd0) < -3.0) {
        w2++;
        double *um1 = aligned_alloc(16, (size_t)((5) + 1) / 2 * 2 * sizeof(double));
        for (int i4 = 0; i4 < 5; i4++)
            um1[i4] = MIX(steps, trips_14[(((n0 + w2) + f_d * 3)) % value]) + 0.25 * i4;
        double *u2 = malloc((size_t)5 * sizeof *u2);
        double *unew1 = malloc((size_t)5 * sizeof *unew1);
        for (int i4 = 0; i4 < 5; i4++)
            u2[i4] = ((double)steps - cd0) + 0.25 * i4;
        for (int step1 = 0; step1 < 1; step1++) {
            for (int i4 = 0; i4 < 5; i4++)
                unew1[i4] = 2.0 * u2[i4] - um1[i4] + 0.25 * (u2[(i4 + 1) % 5] - u2[i4]) * tanh(ps0[((w2 + value)) % 2].w);
            w1[(value) % 5] *= erf(atan2(acc0, 1.5 + acc0 * acc0));
            SWAP(um1, u2);
            SWAP(u2, unew1);
        }
        trips_14[(f_d) % value] = (-(cd0) - exp(tanh(HALF)));
        acc0 += tanh(u2[(4) % 5]) * 1.25 + tanh(unew1[0]);
        free(um1);
        free(u2);
        free(unew1);
        *pd0 += tanh((((f_d % 2 == 1 ? f_d * 0.125 : (*pd0)) / (2.0 + expm1(0.5 * tanh(y_b[((2 * 2 + value)) % n0])) * expm1(0.5 * tanh(y_b[((2 * 2 + value)) % n0])))) + (0.75 + MIX(3.0, steps))));
    }
    h0(value, trips_14, trips_14, erf(trips_14[((value + (2 + n0))) % value]));
    struct pt parts0[5] = {{((*pd0) < 1.5 ? 3.0 : u1[((f_d + (value + 1))) % 2]), cosh(sin((*pd0))), 0}, {sin(grid0[((2 + value) * 1) % n0][((value + 1) - 1) % (value + 1)]), (y_d[((f_d + 4)) % 2].w + grid0[(n0 - 1) % n0][(f_d * 3) % (value + 1)]), 1}, {y_d[((0 + n0 * 1)) % 2].v, 3.0, 2}, {f_b, log1p(f_d * 0.3 * f_d * 0.3), 3}, {(*pd0), (ps0[((n0 + f_d)) % 2].w < -0.5 ? 1.25 : ps0[(value) % 2].v), 4}};
    first_14(parts0 + 1, 5 - 1, -(steps));
    acc0 += bound[0];
    acc0 += parts0[0].w;
    return acc0 + f_d * 0.3;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 2042178u
#define DT_NX 4
#define DT_NY 3
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 0
#define DT_JAC 1
#define DT_HESS 0
#include "harness.h"
#endif
