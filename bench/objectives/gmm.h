/* gmm.h: Gaussian mixture model log-likelihood with a Wishart prior (the ADBench objective). */
#ifndef BENCH_GMM_H
#define BENCH_GMM_H

/* Largest dimension and number of components the objective's scratch arrays hold. */
#define GMM_MAX_D 64
#define GMM_MAX_K 32

typedef struct Wishart {
    double gamma;
    int m;
} Wishart;

double gmm_objective(int d, int k, int n, const double *alphas, const double *means,
                     const double *icf, const double *x, Wishart wishart);

#endif
