/* Benchmark driver: bundle adjustment (bench/objectives/ba.c), 10 cameras, 150 points,
 * 500 observations. */
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "ba.h"
#include "ba_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

enum { NCAMS = 10, NPTS = 150, NOBS = 500, NP = BA_NCAMPARAMS * NCAMS + 3 * NPTS };

typedef struct ba_ctx {
    int obs[2 * NOBS];
    double feats[2 * NOBS];
} ba_ctx;

static double primal(const double *p, void *v) {
    ba_ctx *c = v;
    return ba_objective(NCAMS, NPTS, NOBS, p, p + BA_NCAMPARAMS * NCAMS, c->obs, c->feats);
}
static double grad(const double *p, double *g, void *v) {
    ba_ctx *c = v;
    int m = BA_NCAMPARAMS * NCAMS;
    return ba_objective_grad(NCAMS, NPTS, NOBS, p, p + m, c->obs, c->feats, g, g + m);
}
static double fwdrev(const double *p, double *g, void *v, adc_tape *t) {
    ba_ctx *c = v;
    int m = BA_NCAMPARAMS * NCAMS;
    memset(g, 0, sizeof(double) * NP);
    double f = ba_objective_forward(t, NCAMS, NPTS, NOBS, p, p + m, c->obs, c->feats);
    ba_objective_reverse(t, NCAMS, NPTS, NOBS, p, g, p + m, g + m, c->obs, c->feats, 1.0);
    return f;
}
static double adolc(const double *p, double *g, void *v, size_t *bytes) {
    ba_ctx *c = v;
    return ba_adolc_grad(NCAMS, NPTS, NOBS, p, c->obs, c->feats, g, bytes);
}
static double adolc_reuse(const double *p, double *g, void *v) {
    (void)v;
    return ba_adolc_reuse(NP, p, g);
}
static double enzyme(const double *p, double *g, void *v, int primal_return) {
    ba_ctx *c = v;
    int m = BA_NCAMPARAMS * NCAMS;
    return ba_objective_enzyme(primal_return, NCAMS, NPTS, NOBS, p, p + m, c->obs, c->feats, g,
                               g + m);
}

int main(void) {
    static ba_ctx c;
    static double p[NP];
    bench_rng r = {2024u};
    for (int i = 0; i < NCAMS; i++) {
        double *cam = p + BA_NCAMPARAMS * i;
        bench_fill(cam, 3, &r, -0.3, 0.3);          /* rotation */
        bench_fill(cam + 3, 2, &r, -1.0, 1.0);      /* centre, in front of the points */
        cam[5] = bench_uniform(&r, -12.0, -8.0);
        cam[6] = bench_uniform(&r, 0.8, 1.2);       /* focal length */
        bench_fill(cam + 7, 2, &r, -0.05, 0.05);    /* principal point */
        bench_fill(cam + 9, 2, &r, -0.02, 0.02);    /* radial distortion */
    }
    bench_fill(p + BA_NCAMPARAMS * NCAMS, 3 * NPTS, &r, -1.0, 1.0);
    for (int i = 0; i < NOBS; i++) {
        c.obs[2 * i] = i % NCAMS;
        c.obs[2 * i + 1] = (int)((7u * (unsigned)i + (unsigned)(i / NCAMS)) % NPTS);
    }
    bench_fill(c.feats, 2 * NOBS, &r, -0.15, 0.15);
    bench_case bc = {"ba", NP, p, &c, primal, grad, fwdrev, adolc, adolc_reuse, 1,
                     ba_objective_enzyme ? enzyme : NULL};
    return bench_run(&bc);
}
