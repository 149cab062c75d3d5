/* Benchmark driver: MDS stress (bench/objectives/mds.c) for 100 and 1000 points in 2-D. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "mds.h"
#include "mds_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

typedef struct mds_ctx {
    int npts;
    double *D;
} mds_ctx;

static double primal(const double *W, void *v) {
    mds_ctx *c = v;
    return mds_stress(c->npts, W, c->D);
}
static double grad(const double *W, double *g, void *v) {
    mds_ctx *c = v;
    return mds_stress_grad(c->npts, W, c->D, g);
}
static double fwdrev(const double *W, double *g, void *v, adc_tape *t) {
    mds_ctx *c = v;
    memset(g, 0, sizeof(double) * (size_t)(2 * c->npts));
    double f = mds_stress_forward(t, c->npts, W, c->D);
    mds_stress_reverse(t, c->npts, W, g, c->D, 1.0);
    return f;
}
static double adolc(const double *W, double *g, void *v, size_t *bytes) {
    mds_ctx *c = v;
    return mds_adolc_grad(c->npts, W, c->D, g, bytes);
}
static double adolc_reuse(const double *W, double *g, void *v) {
    mds_ctx *c = v;
    return mds_adolc_reuse(2 * c->npts, W, g);
}
static double enzyme(const double *W, double *g, void *v, int primal_return) {
    mds_ctx *c = v;
    return mds_stress_enzyme(primal_return, c->npts, W, c->D, g);
}

static int run(int npts, int fd) {
    char name[32];
    snprintf(name, sizeof name, "mds_N%d", npts);
    bench_rng r = {500u + (unsigned)npts};
    mds_ctx c = {npts, malloc(sizeof(double) * (size_t)(npts * npts))};
    double *ref = malloc(sizeof(double) * (size_t)(2 * npts));
    double *W = malloc(sizeof(double) * (size_t)(2 * npts));
    /* target: squared distances of a reference layout; W: a perturbed copy */
    bench_fill(ref, 2 * npts, &r, -1.0, 1.0);
    for (int i = 0; i < npts; i++)
        for (int j = 0; j < npts; j++) {
            double dx = ref[2 * i] - ref[2 * j], dy = ref[2 * i + 1] - ref[2 * j + 1];
            c.D[i * npts + j] = dx * dx + dy * dy;
        }
    for (int k = 0; k < 2 * npts; k++)
        W[k] = ref[k] + bench_uniform(&r, -0.1, 0.1);
    bench_case bc = {name, 2 * npts, W, &c, primal, grad, fwdrev, adolc, adolc_reuse, fd,
                     mds_stress_enzyme ? enzyme : NULL};
    int bad = bench_run(&bc);
    free(c.D), free(ref), free(W);
    return bad;
}

int main(void) {
    int bad = run(100, 1);
    bad |= run(1000, 0);
    return bad;
}
