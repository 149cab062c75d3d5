/* difftest program 900090 (features all, its double twin), reduced by hand: README entry 127.
 * `t5[2] = fl1 / (2.0 + ...)` reads the value it leaves in the backward sweep, right before
 * k(ceil(tape), t5), which overwrites t5 without reading it; adc took that read for the call's
 * own and taped nothing around the call (the dot-product test 3.2e-5 off). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

#define HALF 0.5

static const double coef0[4] = {0.5, -1.25, 0.75, 2.0};

static void k(double q0, double x_b_d[3]) {
    double y_b = (q0 - 0.3);
    double d0 = ((q0 - HALF) < -2.0 ? (2.0 * (coef0[(3 * 3 * 3) % 4] + 2.0)) : -(y_b));
    double d1 = -(-(q0));
    y_b += d0;
    y_b += d1;
    y_b += x_b_d[0];
    x_b_d[0] = x_b_d[0] * 0.5 + y_b;
    x_b_d[1] = x_b_d[1] / (1.0 + 0.1 * q0 * 0.1 * q0);
    x_b_d[2] = x_b_d[2] * 0.5 + 0.1 * q0;
}

ADC_DIFF(wrt(tape, columns, bound), len(columns: tmp, bound: m0), modes(tangent, adjoint, grad, jacobian))
double f(double tape, int tmp, const double *columns, int m0, double *bound) {
    double n_b = 0.25 * bound[0] + (0.3 * (m0 * 2.0 > HALF ? tape : columns[0]));
    double **steps = malloc((size_t)m0 * sizeof *steps);
    for (int seed = 0; seed < m0; seed++)
        steps[seed] = calloc((unsigned)tmp, sizeof(double));
    for (int seed = 0; seed < m0; seed++)
        for (int s_b = 0; s_b < tmp; s_b++)
            steps[seed][s_b] = -(n_b) * columns[(seed + s_b) % tmp] + bound[(seed + 2 * s_b) % m0];
    double fl1 = 1.25;
    double t5[3] = {(fl1 + steps[(m0) % m0][0]), (tmp * HALF / (2.0 + steps[0][0] * steps[0][0])), (fl1 / (2.0 + bound[0] * bound[0]))};
    k(ceil(tape), t5);
    n_b += t5[0] - 0.5 * t5[2];
    for (int i5 = 0; i5 < m0; i5++)
        free(steps[i5]);
    free(steps);
    return n_b;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 900090u
#define DT_NX 4
#define DT_NY 4
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 1
#define DT_HESS 0
#include "harness.h"
#endif
