/* lstm.h: one-layer LSTM next-step prediction loss over a sequence. */
#ifndef BENCH_LSTM_H
#define BENCH_LSTM_H

enum {
    LSTM_D = 8,   /* input and output size */
    LSTM_H = 16,  /* hidden size */
    /* weights: gates W[4H][D+H], gate biases b[4H], output Wy[D][H], by[D] */
    LSTM_NW = 4 * LSTM_H * (LSTM_D + LSTM_H) + 4 * LSTM_H + LSTM_D * LSTM_H + LSTM_D
};

double lstm_loss(const double *w, int len, const double *seq);

#endif
