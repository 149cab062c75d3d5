/* mlp.h: 3-layer perceptron, mean squared error over a batch. */
#ifndef BENCH_MLP_H
#define BENCH_MLP_H

#define MLP_IN 16
#define MLP_H1 32
#define MLP_H2 32
#define MLP_OUT 4

double mlp_loss(const double *W1, const double *b1, const double *W2, const double *b2,
                const double *W3, const double *b3, int batch, const double *X, const double *Y);

#endif
