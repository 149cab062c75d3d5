/* softmax.c: the loss of one shard of the data, the only code adc differentiates. Each rank
 * calls shard_loss_grad on its own points; main.c sums the results over the ranks. */
#include <math.h>
#include <adc.h>
#include "softmax.h"

ADC_DIFF(wrt(w), len(w: WEIGHTS), modes(grad))
double shard_loss(const double *w, int m, const double *X, const int *label) {
    const double *b = w + CLASSES * FEATURES;
    double loss = 0.0;
    for (int i = 0; i < m; i++) {
        const double *x = X + FEATURES * i;
        double z[CLASSES], zmax = -INFINITY, sum = 0.0;
        for (int c = 0; c < CLASSES; c++) {
            z[c] = b[c];
            for (int k = 0; k < FEATURES; k++)
                z[c] += w[FEATURES * c + k] * x[k];
            if (z[c] > zmax)
                zmax = z[c];
        }
        for (int c = 0; c < CLASSES; c++)
            sum += exp(z[c] - zmax);
        loss += zmax + log(sum) - z[label[i]];
    }
    return loss;
}
