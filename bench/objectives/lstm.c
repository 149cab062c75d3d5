/* LSTM sequence loss: a one-layer LSTM (input, forget, output gates and candidate, in the
 * order i, f, o, g) reads seq[t*D..] for t = 0..len-2 and predicts the next vector through a
 * linear layer and a log-softmax; the loss is the cross-entropy against the next vector of the
 * sequence, averaged over the steps (as in ADBench's LSTM objective). Active: all weights w. */
#include <math.h>
#include <adc.h>
#include "lstm.h"

static double sigmoid(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

static double logsumexp(int n, const double *x)
{
    double mx = x[0];
    for (int i = 1; i < n; i++)
        if (x[i] > mx)
            mx = x[i];
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(x[i] - mx);
    return log(s) + mx;
}

ADC_DIFF(wrt(w), len(w: LSTM_NW))
double lstm_loss(const double *w, int len, const double *seq)
{
    const double *W = w;                                  /* [4H][D+H] */
    const double *b = W + 4 * LSTM_H * (LSTM_D + LSTM_H); /* [4H] */
    const double *Wy = b + 4 * LSTM_H;                    /* [D][H] */
    const double *by = Wy + LSTM_D * LSTM_H;              /* [D] */
    double h[LSTM_H], c[LSTM_H];
    for (int j = 0; j < LSTM_H; j++) {
        h[j] = 0.0;
        c[j] = 0.0;
    }
    double total = 0.0;
    for (int t = 0; t + 1 < len; t++) {
        const double *x = &seq[t * LSTM_D];
        double z[4 * LSTM_H];
        for (int r = 0; r < 4 * LSTM_H; r++) {
            double s = b[r];
            for (int j = 0; j < LSTM_D; j++)
                s += W[r * (LSTM_D + LSTM_H) + j] * x[j];
            for (int j = 0; j < LSTM_H; j++)
                s += W[r * (LSTM_D + LSTM_H) + LSTM_D + j] * h[j];
            z[r] = s;
        }
        for (int j = 0; j < LSTM_H; j++) {
            double ig = sigmoid(z[j]);
            double fg = sigmoid(z[LSTM_H + j]);
            double og = sigmoid(z[2 * LSTM_H + j]);
            double gg = tanh(z[3 * LSTM_H + j]);
            c[j] = fg * c[j] + ig * gg;
            h[j] = og * tanh(c[j]);
        }
        double y[LSTM_D];
        for (int k = 0; k < LSTM_D; k++) {
            double s = by[k];
            for (int j = 0; j < LSTM_H; j++)
                s += Wy[k * LSTM_H + j] * h[j];
            y[k] = s;
        }
        double lse = logsumexp(LSTM_D, y);
        const double *target = &seq[(t + 1) * LSTM_D];
        for (int k = 0; k < LSTM_D; k++)
            total += target[k] * (y[k] - lse);
    }
    return -total / (len - 1);
}
