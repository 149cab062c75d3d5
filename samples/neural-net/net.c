/* net.c: a 2-HIDDEN-1 feed-forward network with tanh hidden units, as a classifier of points
 * of the plane (label +1 or -1 by the sign of its output), and its training loss: the mean
 * logistic loss ln(1 + exp(-y out(x))) over m labelled points (row-major X, m x 2), marked
 * for its gradient with respect to the weights. The weights w are one flat array: W1
 * (HIDDEN x 2, row-major), b1 (HIDDEN), w2 (HIDDEN), b2. */
#include <math.h>
#include <adc.h>
#include "net.h"

double net_output(const double *w, const double *x) {
    const double *W1 = w, *b1 = W1 + 2 * HIDDEN, *w2 = b1 + HIDDEN;
    double out = w2[HIDDEN];
    for (int k = 0; k < HIDDEN; k++)
        out += w2[k] * tanh(W1[2 * k] * x[0] + W1[2 * k + 1] * x[1] + b1[k]);
    return out;
}

/* The logistic loss of one point x with label y. */
static double point_loss(const double *w, const double *x, double y) {
    return log1p(exp(-y * net_output(w, x)));
}

ADC_DIFF(wrt(w), len(w: WEIGHTS), modes(grad))
double net_loss(const double *w, int m, const double *X, const double *y) {
    double loss = 0.0;
    for (int i = 0; i < m; i++)
        loss += point_loss(w, X + 2 * i, y[i]);
    return loss / m;
}
