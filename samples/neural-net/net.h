/* net.h: the network of net.c: its size and the two functions main.c calls. */
#ifndef NET_H
#define NET_H

enum { HIDDEN = 8, WEIGHTS = 4 * HIDDEN + 1 };

/* The output for the point x (2 coordinates); its sign is the predicted label. */
double net_output(const double *w, const double *x);
/* Mean logistic loss over m points X (m x 2, row-major) with labels y (+1 or -1). */
double net_loss(const double *w, int m, const double *X, const double *y);

#endif
