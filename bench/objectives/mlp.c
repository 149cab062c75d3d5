/* 3-layer MLP loss: tanh(W1 x + b1) -> tanh(W2 h1 + b2) -> W3 h2 + b3, mean over a batch of
 * the squared error against Y. Active: the six weight and bias arrays. */
#include <math.h>
#include <adc.h>
#include "mlp.h"

static void dense_tanh(int nout, int nin, const double *W, const double *b, const double *in,
                       double *out)
{
    for (int i = 0; i < nout; i++) {
        double z = b[i];
        for (int j = 0; j < nin; j++)
            z += W[i * nin + j] * in[j];
        out[i] = tanh(z);
    }
}

ADC_DIFF(wrt(W1, b1, W2, b2, W3, b3),
         len(W1: MLP_H1 * MLP_IN, b1: MLP_H1, W2: MLP_H2 * MLP_H1, b2: MLP_H2,
             W3: MLP_OUT * MLP_H2, b3: MLP_OUT))
double mlp_loss(const double *W1, const double *b1, const double *W2, const double *b2,
                const double *W3, const double *b3, int batch, const double *X, const double *Y)
{
    double loss = 0.0;
    for (int s = 0; s < batch; s++) {
        double h1[MLP_H1], h2[MLP_H2];
        dense_tanh(MLP_H1, MLP_IN, W1, b1, &X[s * MLP_IN], h1);
        dense_tanh(MLP_H2, MLP_H1, W2, b2, h1, h2);
        for (int k = 0; k < MLP_OUT; k++) {
            double out = b3[k];
            for (int j = 0; j < MLP_H2; j++)
                out += W3[k * MLP_H2 + j] * h2[j];
            double err = out - Y[s * MLP_OUT + k];
            loss += err * err;
        }
    }
    return loss / batch;
}
