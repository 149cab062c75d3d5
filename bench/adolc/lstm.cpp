// ADOL-C version of bench/objectives/lstm.c: the same code with adouble for the active values.
#include <cmath>
#include <vector>
#include "adolc_bench.h"
#include "lstm.h"

static const short TAG = 3;
static adolc_tape_info info;

static adouble sigmoid(const adouble &x) {
    return 1.0 / (1.0 + exp(-x));
}

static adouble logsumexp(int n, const adouble *x) {
    adouble mx = x[0];
    for (int i = 1; i < n; i++)
        if (x[i] > mx)  // decided at taping time
            mx = x[i];
    adouble s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(x[i] - mx);
    return log(s) + mx;
}

static adouble lstm_loss(const adouble *w, int len, const double *seq) {
    const adouble *W = w;
    const adouble *b = W + 4 * LSTM_H * (LSTM_D + LSTM_H);
    const adouble *Wy = b + 4 * LSTM_H;
    const adouble *by = Wy + LSTM_D * LSTM_H;
    adouble h[LSTM_H], c[LSTM_H];
    for (int j = 0; j < LSTM_H; j++) {
        h[j] = 0.0;
        c[j] = 0.0;
    }
    adouble total = 0.0;
    for (int t = 0; t + 1 < len; t++) {
        const double *x = &seq[t * LSTM_D];
        adouble z[4 * LSTM_H];
        for (int r = 0; r < 4 * LSTM_H; r++) {
            adouble s = b[r];
            for (int j = 0; j < LSTM_D; j++)
                s += W[r * (LSTM_D + LSTM_H) + j] * x[j];
            for (int j = 0; j < LSTM_H; j++)
                s += W[r * (LSTM_D + LSTM_H) + LSTM_D + j] * h[j];
            z[r] = s;
        }
        for (int j = 0; j < LSTM_H; j++) {
            adouble ig = sigmoid(z[j]);
            adouble fg = sigmoid(z[LSTM_H + j]);
            adouble og = sigmoid(z[2 * LSTM_H + j]);
            adouble gg = tanh(z[3 * LSTM_H + j]);
            c[j] = fg * c[j] + ig * gg;
            h[j] = og * tanh(c[j]);
        }
        adouble y[LSTM_D];
        for (int k = 0; k < LSTM_D; k++) {
            adouble s = by[k];
            for (int j = 0; j < LSTM_H; j++)
                s += Wy[k * LSTM_H + j] * h[j];
            y[k] = s;
        }
        adouble lse = logsumexp(LSTM_D, y);
        const double *target = &seq[(t + 1) * LSTM_D];
        for (int k = 0; k < LSTM_D; k++)
            total += target[k] * (y[k] - lse);
    }
    return -total / (len - 1);
}

extern "C" double lstm_adolc_grad(int nparams, const double *w, int len, const double *seq,
                                  double *g, size_t *tape_bytes) {
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> p(nparams);
        for (int i = 0; i < nparams; i++)
            p[i] <<= w[i];
        adouble y = lstm_loss(p.data(), len, seq);
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, nparams, w, g);
    return f;
}

extern "C" double lstm_adolc_reuse(int nparams, const double *w, double *g) {
    gradient(TAG, nparams, w, g);
    return g[0];
}
