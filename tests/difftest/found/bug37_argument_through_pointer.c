/* README bug 37 (fixed): difftest program 950745, cvise-reduced. A pointer into f_d read in an argument of x_v, which writes f_d: the backward sweep recomputed the argument after the call. */
#include <math.h>
#include <adc.h>
#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))
double gv0;
static void x_v(int t1, double *p0, double bound_14) {
    for (int y_d = 0; y_d < t1; y_d++) {
        p0[t1 - 1 - y_d] = (MIX(bound_14, (bound_14 - t1 * 0.5)) * expf(tanhf((float)(pow(bound_14, 2.0)))));
    }
    float j = 0.125;
    double buf0[3] = {acosh(1.5 + (p0[t1 - 1] / (2.0 + p0[(1) % t1] * p0[(1) % t1])) * (p0[t1 - 1] / (2.0 + p0[(1) % t1] * p0[(1) % t1]))), ((bound_14 / (2.0 + bound_14 * bound_14)) + p0[0]), -((3.0 - t1 * 0.3))};
    p0[0] += j;
    p0[0] += buf0[0];
}
ADC_DIFF(wrt(a0, seed, f_d), len(seed: adj_2, f_d: a_d), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double f(double a0, int adj_2, const double *seed, int a_d, double *f_d) {
    double i = a0;
    gv0 = pow(1.25 + 0.3 * 0.3, 0.7);
    double ip0 = 0.0;
    double tmp = modf((hypot(seed[0], 0.75) + -(gv0)), &ip0);
    double d0 = 2.0;
    for (int trips_14 = adj_2 - 1; trips_14 >= 0; trips_14--) ;
    int done = ((a_d + adj_2)) % a_d;
    double *hessian = f_d + done;
    x_v(a_d, f_d, ((done * 1.5 + seed[((done + 2)) % adj_2]) * SQ(hessian[(adj_2) % (a_d - done)])));
    for (long k = 0; k < a_d; k++) {
        double count = 0.0;
        double k_2 = modf(((gv0 > 0.125 || f_d[(((adj_2 + k) + 3)) % a_d] < 0.5) ? (done * 0.3 > -2.0 ? seed[0] : hessian[(k) % (a_d - done)]) : (done < 2 ? tmp : a_d * HALF)), &count);
        int steps = (a_d) % adj_2;
        const double *value = seed + steps;
        i += k_2;
        i += value[0];
    }
    double columns = atan2(0.125, 1.5 + 0.125 * 0.125);
    f_d[(adj_2) % a_d] /= (2.0 + (d0 + hessian[(2) % (a_d - done)]) * (d0 + hessian[(2) % (a_d - done)]));
    double first_14[2] = {SQ(hessian[(a_d - done) - 1]), hessian[(adj_2) % (a_d - done)]}, x_d[2] = {0.0};
    double *m_out[2] = {first_14, x_d};
    for (int status = 0; status < 3; status++) ;
    double *y_b = m_out[0], *n_b = m_out[1];
    double *t2_b = y_b;
    n_b = t2_b;
    i += y_b[0] * n_b[0] + m_out[1][0] * first_14[1];
    for (int x_b_d = 0; x_b_d < adj_2; x_b_d += 2) ;
    int w0 = 0;
    while (w0 < 1) {
        w0++;
    }
    return i + ((a_d % 2 == 0 && a_d < 4) ? sqrtf(1.0f + (float)(ip0) * (float)(ip0)) : scalbn((double)(float)columns, 2));
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 950745u
#define DT_NX 1
#define DT_NY 1
#define DT_FLOAT 1
#include "harness.h"
#endif
