/* Benchmark driver: 3-layer MLP loss (bench/objectives/mlp.c), 16-32-32-4, batch 64. */
#include <string.h>
#include "bench.h"
#include "mlp.h"
#include "mlp_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

enum {
    BATCH = 64,
    O1 = MLP_H1 * MLP_IN, O2 = O1 + MLP_H1, O3 = O2 + MLP_H2 * MLP_H1, O4 = O3 + MLP_H2,
    O5 = O4 + MLP_OUT * MLP_H2, NP = O5 + MLP_OUT
};
static double X[BATCH * MLP_IN], Y[BATCH * MLP_OUT];

static double primal(const double *p, void *v) {
    (void)v;
    return mlp_loss(p, p + O1, p + O2, p + O3, p + O4, p + O5, BATCH, X, Y);
}
static double grad(const double *p, double *g, void *v) {
    (void)v;
    return mlp_loss_grad(p, p + O1, p + O2, p + O3, p + O4, p + O5, BATCH, X, Y, g, g + O1,
                         g + O2, g + O3, g + O4, g + O5);
}
static double fwdrev(const double *p, double *g, void *v, adc_tape *t) {
    (void)v;
    memset(g, 0, sizeof(double) * NP);
    double f = mlp_loss_forward(t, p, p + O1, p + O2, p + O3, p + O4, p + O5, BATCH, X, Y);
    mlp_loss_reverse(t, p, g, p + O1, g + O1, p + O2, g + O2, p + O3, g + O3, p + O4, g + O4,
                     p + O5, g + O5, BATCH, X, Y, 1.0);
    return f;
}
static double adolc(const double *p, double *g, void *v, size_t *bytes) {
    (void)v;
    return mlp_adolc_grad(p, BATCH, X, Y, g, bytes);
}
static double adolc_reuse(const double *p, double *g, void *v) {
    (void)v;
    return mlp_adolc_reuse(NP, p, g);
}
static double enzyme(const double *p, double *g, void *v, int primal_return) {
    (void)v;
    return mlp_loss_enzyme(primal_return, p, p + O1, p + O2, p + O3, p + O4, p + O5, BATCH, X, Y,
                           g, g + O1, g + O2, g + O3, g + O4, g + O5);
}

int main(void) {
    static double p[NP];
    bench_rng r = {31337u};
    bench_fill(p, NP, &r, -0.4, 0.4);
    bench_fill(X, BATCH * MLP_IN, &r, -1.0, 1.0);
    bench_fill(Y, BATCH * MLP_OUT, &r, -1.0, 1.0);
    bench_case bc = {"mlp", NP, p, NULL, primal, grad, fwdrev, adolc, adolc_reuse, 1,
                     mlp_loss_enzyme ? enzyme : NULL};
    return bench_run(&bc);
}
