/* Benchmark driver: GMM log-likelihood (bench/objectives/gmm.c), ADBench's small size
 * d=10, K=5, N=1000, and its large d=64, K=25 with N points given on the command line (ADBench
 * uses N=10000; bench/run uses 100, see bench/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "gmm.h"
#include "gmm_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

typedef struct gmm_ctx {
    int d, k, n;
    double *x;
    Wishart w;
} gmm_ctx;

static double primal(const double *p, void *v) {
    gmm_ctx *c = v;
    return gmm_objective(c->d, c->k, c->n, p, p + c->k, p + c->k + c->d * c->k, c->x, c->w);
}
static double grad(const double *p, double *g, void *v) {
    gmm_ctx *c = v;
    int a = c->k, m = c->k + c->d * c->k;
    return gmm_objective_grad(c->d, c->k, c->n, p, p + a, p + m, c->x, c->w, g, g + a, g + m);
}
static double fwdrev(const double *p, double *g, void *v, adc_tape *t) {
    gmm_ctx *c = v;
    int a = c->k, m = c->k + c->d * c->k;
    memset(g, 0, sizeof(double) * (size_t)(m + c->k * (c->d * (c->d + 1) / 2)));
    double f = gmm_objective_forward(t, c->d, c->k, c->n, p, p + a, p + m, c->x, c->w);
    gmm_objective_reverse(t, c->d, c->k, c->n, p, g, p + a, g + a, p + m, g + m, c->x, c->w, 1.0);
    return f;
}
static double adolc(const double *p, double *g, void *v, size_t *bytes) {
    gmm_ctx *c = v;
    return gmm_adolc_grad(c->d, c->k, c->n, p, c->x, c->w.gamma, c->w.m, g, bytes);
}
static double adolc_reuse(const double *p, double *g, void *v) {
    gmm_ctx *c = v;
    return gmm_adolc_reuse(c->k + c->d * c->k + c->k * (c->d * (c->d + 1) / 2), p, g);
}
static double enzyme(const double *p, double *g, void *v, int primal_return) {
    gmm_ctx *c = v;
    int a = c->k, m = c->k + c->d * c->k;
    return gmm_objective_enzyme(primal_return, c->d, c->k, c->n, p, p + a, p + m, c->x, c->w, g,
                                g + a, g + m);
}

static int run(const char *name, int d, int k, int n, int fd, int with_adolc) {
    bench_rng r = {1000u + (unsigned)(d * k)};
    gmm_ctx c = {d, k, n, malloc(sizeof(double) * (size_t)(n * d)), {1.0, 0}};
    int np = k + d * k + k * (d * (d + 1) / 2), icf_sz = d * (d + 1) / 2;
    double *p = malloc(sizeof(double) * (size_t)np);
    bench_fill(c.x, n * d, &r, 0.0, 1.0);
    for (int i = 0; i < k; i++)
        p[i] = bench_normal(&r);                    /* alphas */
    bench_fill(p + k, d * k, &r, 0.0, 1.0);         /* means */
    for (int i = 0; i < k; i++)                     /* icf: log-diagonal, then lower part */
        for (int j = 0; j < icf_sz; j++)
            p[k + d * k + i * icf_sz + j] = j < d ? bench_uniform(&r, -0.2, 0.2)
                                                  : bench_uniform(&r, -0.3, 0.3);
    bench_case bc = {name, np, p, &c, primal, grad, fwdrev, with_adolc ? adolc : NULL,
                     with_adolc ? adolc_reuse : NULL, fd,
                     gmm_objective_enzyme ? enzyme : NULL};
    int bad = bench_run(&bc);
    free(p), free(c.x);
    return bad;
}

/* gmm            the small ADBench instance
 * gmm --large N  d=64, K=25 with N points (ADBench's is N=10000) */
int main(int argc, char **argv) {
    if (argc > 2 && strcmp(argv[1], "--large") == 0) {
        int n = atoi(argv[2]);
        char name[64];
        snprintf(name, sizeof name, "gmm_d64_K25_N%d", n);
        return run(name, 64, 25, n, 0, n <= 200); /* ADOL-C: 2.1 MB of tape per point */
    }
    return run("gmm_d10_K5_N1000", 10, 5, 1000, 1, 1);
}
