/* softmax.h: the model of softmax.c, multinomial logistic regression, and its sizes. */
#ifndef SOFTMAX_H
#define SOFTMAX_H

enum { FEATURES = 16, CLASSES = 4, WEIGHTS = CLASSES * (FEATURES + 1) };

/* Sum over m points X (m x FEATURES, row-major) with class labels label[i] in [0, CLASSES) of
 * the cross-entropy -log softmax(W x + b)[label]; w holds W (CLASSES x FEATURES) then b. */
double shard_loss(const double *w, int m, const double *X, const int *label);

#endif
