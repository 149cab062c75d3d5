/* difftest program 9383 (features all), reduced by hand; entry 87 */
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

struct grid {
    int n;
    double *u, *unew;
};

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

typedef struct {
    double (*rhs)(double, double);
    double k;
} model_t;

static void h0(int f_b, double *tmp, const double *result, double x_hv) {
    double n_b = x_hv - result[f_b - 1];
    double *hessian = malloc(2 * sizeof(double));
    double *unew0 = NULL;
    unew0 = malloc(2 * sizeof(double));
    for (int t = 0; t < 2; t++)
        hessian[t] = SQ(n_b) + 0.25 * t;
    for (int s = 0; s < 3; s++) {
        for (int t = 0; t < 2; t++)
            unew0[t] = 0.5 * hessian[t] + 0.25 * hessian[(t + 1) % 2] * (result[0] - x_hv);
        SWAP(hessian, unew0);
    }
    tmp[0] += hessian[1] + unew0[0];
    free(hessian);
    free(unew0);
}

ADC_DIFF(wrt(k, j), modes(tangent, adjoint))
double dh0(double k, double j) {
    double x_v = (2.0 / (2.0 + k * k));
    {
        struct grid grid0 = {2, 0, 0};
        grid0.u = malloc(2 * sizeof(double));
        grid0.unew = calloc(2, sizeof(double));
        for (int value_d = 0; value_d < 2; value_d++)
            grid0.u[value_d] = j * (value_d + 1);
        for (int steps = 0; steps < 2; steps++) {
            for (int value_d = 0; value_d < 2; value_d++)
                grid0.unew[value_d] = 0.5 * grid0.u[value_d] + tanh(0.125) * grid0.u[(value_d + 1) % 2];
            double *tmp0 = grid0.u;
            grid0.u = grid0.unew;
            grid0.unew = tmp0;
        }
        x_v += grid0.u[1] * grid0.unew[1];
        free(grid0.u);
        free(grid0.unew);
    }
    if ((1.25 > j || k > -2.0)) return ((k / (2.0 + k * k)) / (2.0 + (1.5 < 0.3 ? x_v : 0.75) * (1.5 < 0.3 ? x_v : 0.75)));
    if (2.0 < -2.0) {
        if (k > 2.0) return (-((double)(float)k) / (2.0 + MIX(k, j) * MIX(k, j)));
        j /= (2.0 + (double)(float)j * (double)(float)j);
    }
    return x_v + (1.5 - j);
}


ADC_DIFF(wrt(a0, t2, y0), len(t2: adj, y0: bound_14), modes(tangent, adjoint, grad))
double f(double a0, int adj, const double *t2, int bound_14, double *y0) {
    double m_out = (t2[adj - 1] * (0.3 * a0));
    h0(bound_14, y0, y0, log2(2.0 + m_out * m_out));
    return m_out;
}

#ifdef DIFFTEST_MAIN
#define DT_SEED 9383u
#define DT_NX 1
#define DT_NY 1
#define DT_W 0
#define DT_FLOAT 0
#define DT_HVP 0
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
