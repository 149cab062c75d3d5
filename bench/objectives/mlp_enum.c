/* Variant of mlp.c for adc failure 1 (bench/README.md): identical except that the layer sizes
 * are enum constants (same values as MLP_IN.. in mlp.h) instead of the macros of mlp.h, which
 * adc 0.1.0 (libclang 14) cannot read in `s * MLP_IN`.
 *
 * 3-layer MLP loss: tanh(W1 x + b1) -> tanh(W2 h1 + b2) -> W3 h2 + b3, mean over a batch of
 * the squared error against Y. Active: the six weight and bias arrays. */
#include <math.h>
#include <adc.h>
#include "mlp.h"

enum { NIN = 16, NH1 = 32, NH2 = 32, NOUT = 4 };

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
         len(W1: NH1 * NIN, b1: NH1, W2: NH2 * NH1, b2: NH2,
             W3: NOUT * NH2, b3: NOUT))
double mlp_loss(const double *W1, const double *b1, const double *W2, const double *b2,
                const double *W3, const double *b3, int batch, const double *X, const double *Y)
{
    double loss = 0.0;
    for (int s = 0; s < batch; s++) {
        double h1[NH1], h2[NH2];
        dense_tanh(NH1, NIN, W1, b1, &X[s * NIN], h1);
        dense_tanh(NH2, NH1, W2, b2, h1, h2);
        for (int k = 0; k < NOUT; k++) {
            double out = b3[k];
            for (int j = 0; j < NH2; j++)
                out += W3[k * NH2 + j] * h2[j];
            double err = out - Y[s * NOUT + k];
            loss += err * err;
        }
    }
    return loss / batch;
}
