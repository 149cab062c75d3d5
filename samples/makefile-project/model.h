/* model.h: shared by both objectives: the problem size and the model's constants. */
#ifndef MODEL_H
#define MODEL_H

#define MODEL_N 4
#define MODEL_MU 10.0
#define MODEL_RADIUS2 1.0

/* fit.c: f(x) = sum_i 0.5 (x_i - c_i)^2 + log(1 + x_i^2), with c_i = 0.5 i */
double fit(int n, const double *x);
/* penalty.c: p(x) = mu (sum_i x_i^2 - r^2)^2 */
double penalty(int n, const double *x);

#endif
