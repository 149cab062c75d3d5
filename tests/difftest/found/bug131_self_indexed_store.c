/* difftest program 900029 reduced by hand (class gather; README entry 131): t2[t2[c]] = ... changes its own index; the backward sweep restored another element of t2 and gave value_d[t2[y_b % 4]]'s adjoint to the wrong element. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(n_b, adj_2, s_b), len(adj_2: trips, s_b: y_b), modes(tangent, adjoint, grad, hvp))
double f(double n_b, int trips, const double *adj_2, int y_b, double *s_b) {
    double value_d[4] = {adj_2[0], n_b, s_b[0], adj_2[1] * n_b};
    int t2[4];
    for (int k = 0; k < 4; k++)
        t2[k] = (2 * k + y_b) % 4;
    value_d[t2[y_b % 4]] = n_b * adj_2[2];
    for (int k4 = 1; k4 < 4; k4++)
        t2[t2[(y_b + trips * 2) % 4]] = (t2[t2[(y_b + trips * 2) % 4]] + k4) % 4;
    double r = 0;
    for (int i = 0; i < 4; i++)
        r += value_d[i] * (i + 1);
    return r;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 900029u
#define DT_NX 4
#define DT_NY 2
#define DT_W 0
#define DT_FLOAT 1
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
