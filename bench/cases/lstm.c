/* Benchmark driver: LSTM sequence loss (bench/objectives/lstm.c), D=8, H=16, 20 steps. */
#include <string.h>
#include "bench.h"
#include "lstm.h"
#include "lstm_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

enum { LEN = 21 }; /* 20 prediction steps */
static double seq[LEN * LSTM_D];

static double primal(const double *w, void *v) {
    (void)v;
    return lstm_loss(w, LEN, seq);
}
static double grad(const double *w, double *g, void *v) {
    (void)v;
    return lstm_loss_grad(w, LEN, seq, g);
}
static double fwdrev(const double *w, double *g, void *v, adc_tape *t) {
    (void)v;
    memset(g, 0, sizeof(double) * LSTM_NW);
    double f = lstm_loss_forward(t, w, LEN, seq);
    lstm_loss_reverse(t, w, g, LEN, seq, 1.0);
    return f;
}
static double adolc(const double *w, double *g, void *v, size_t *bytes) {
    (void)v;
    return lstm_adolc_grad(LSTM_NW, w, LEN, seq, g, bytes);
}
static double adolc_reuse(const double *w, double *g, void *v) {
    (void)v;
    return lstm_adolc_reuse(LSTM_NW, w, g);
}
static double enzyme(const double *w, double *g, void *v, int primal_return) {
    (void)v;
    return lstm_loss_enzyme(primal_return, w, LEN, seq, g);
}

int main(void) {
    static double w[LSTM_NW];
    bench_rng r = {77u};
    bench_fill(w, LSTM_NW, &r, -0.3, 0.3);
    for (int t = 0; t < LEN; t++) { /* each step: a probability vector */
        double s = 0.0;
        for (int k = 0; k < LSTM_D; k++)
            s += seq[t * LSTM_D + k] = bench_uniform(&r, 0.0, 1.0);
        for (int k = 0; k < LSTM_D; k++)
            seq[t * LSTM_D + k] /= s;
    }
    bench_case bc = {"lstm_H16_T20", LSTM_NW, w, NULL, primal, grad, fwdrev, adolc, adolc_reuse, 1,
                     lstm_loss_enzyme ? enzyme : NULL};
    return bench_run(&bc);
}
