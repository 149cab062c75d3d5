/* 3-layer neural network loss: weights and biases in one flat active array (local pointers at computed offsets, enum sizes), tanh hidden layers in local arrays, linear output, mean squared error over a batch of 5 samples (inactive data arrays). */
#include <math.h>
#include <adc.h>

enum { NIN = 3, NH1 = 4, NH2 = 4, NWEIGHTS = NH1 * NIN + NH1 + NH2 * NH1 + NH2 + NH2 + 1 };

/* len is a C expression over the parameters: 41 = NWEIGHTS. */
ADC_DIFF(wrt(w), len(w: 41))
double nn_loss(const double *w, int batch, const double *X, const double *Y)
{
    const double *W1 = w, *b1 = W1 + NH1 * NIN;
    const double *W2 = b1 + NH1, *b2 = W2 + NH2 * NH1;
    const double *W3 = b2 + NH2, *b3 = W3 + NH2;
    double loss = 0.0;
    for (int s = 0; s < batch; s++) {
        const double *x = X + s * NIN;
        double h1[NH1], h2[NH2];
        for (int i = 0; i < NH1; i++) {
            double z = b1[i];
            for (int j = 0; j < NIN; j++)
                z += W1[i * NIN + j] * x[j];
            h1[i] = tanh(z);
        }
        for (int i = 0; i < NH2; i++) {
            double z = b2[i];
            for (int j = 0; j < NH1; j++)
                z += W2[i * NH1 + j] * h1[j];
            h2[i] = tanh(z);
        }
        double out = b3[0];
        for (int j = 0; j < NH2; j++)
            out += W3[j] * h2[j];
        double err = out - Y[s];
        loss += 0.5 * err * err;
    }
    return loss / batch;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double nn_loss_tangent(const double *w, const double *w_d, int batch, const double *X,
                       const double *Y, double *nn_loss_d);
double nn_loss_adjoint(const double *w, double *w_b, int batch, const double *X, const double *Y,
                       double nn_loss_b);
double nn_loss_grad(const double *w, int batch, const double *X, const double *Y,
                    double *w_grad);

#define BATCH 5
static double X[BATCH * NIN], Y[BATCH];

static double primal(const double *x, void *p) {
    (void)p;
    return nn_loss(x, BATCH, X, Y);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return nn_loss_grad(x, BATCH, X, Y, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return nn_loss_tangent(x, v, BATCH, X, Y, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return nn_loss_adjoint(x, xb, BATCH, X, Y, seed);
}

int main(void) {
    e2e_begin("nn_three_layer");
    double w[NWEIGHTS];
    e2e_fill(X, BATCH * NIN, 131u, -1.0, 1.0);
    e2e_fill(Y, BATCH, 132u, -1.0, 1.0);
    e2e_fill(w, NWEIGHTS, 133u, -0.8, 0.8);
    e2e_scalar s = {.label = "41 weights, batch 5", .n = NWEIGHTS, .x = w, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
