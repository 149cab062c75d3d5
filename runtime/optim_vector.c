/* optim_vector.c: the few dense vector kernels the line searches and optimizers need. */
#include <math.h>
#include "optim_internal.h"

double adc_vec_dot(int n, const double *a, const double *b) {
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += a[i] * b[i];
    return sum;
}

double adc_vec_norm(int n, const double *a) {
    return sqrt(adc_vec_dot(n, a, a));
}

double adc_vec_distance(int n, const double *a, const double *b) {
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(sum);
}

void adc_vec_copy(int n, double *dst, const double *src) {
    for (int i = 0; i < n; i++)
        dst[i] = src[i];
}

void adc_vec_axpy(int n, double alpha, const double *x, double *y) {
    for (int i = 0; i < n; i++)
        y[i] += alpha * x[i];
}

int adc_vec_finite(int n, const double *a) {
    for (int i = 0; i < n; i++)
        if (!isfinite(a[i]))
            return 0;
    return 1;
}
