/* adolc_bench.h: the ADOL-C gradients of the benchmark objectives (bench/adolc/NAME.cpp),
 * callable from the C drivers in bench/cases/. Each NAME_adolc_grad tapes the objective
 * (trace_on, adoubles, <<= / >>=, trace_off) and calls gradient(); it returns the value and
 * writes the gradient w.r.t. the active inputs, flattened in parameter order, into g, and the
 * tape size estimate into *tape_bytes. NAME_adolc_reuse calls gradient() on the last tape
 * (valid here because the control flow does not depend on the active inputs). */
#ifndef ADOLC_BENCH_H
#define ADOLC_BENCH_H

#include <stddef.h>

#ifdef __cplusplus
#include <cstdio>
#include <adolc/adolc.h>
/* Tapes in core: after a first trace, the buffers are sized from tapestats() so that no
 * trace spills to files (ADOL-C's documented trace_on(tag, keep, obs, lbs, vbs, tbs)). */
struct adolc_tape_info {
    unsigned ops, locs, vals, tays;
    size_t bytes;
};
static inline void adolc_bench_trace_on(short tag, adolc_tape_info *t) {
    if (t->ops)
        trace_on(tag, 0, t->ops, t->locs, t->vals, t->tays);
    else
        trace_on(tag);
}
/* After trace_off: size the buffers for the next trace, estimate the tape bytes. */
static inline void adolc_bench_trace_done(short tag, adolc_tape_info *t) {
    size_t st[STAT_SIZE];
    tapestats(tag, st);
    if (t->ops && (st[OP_FILE_ACCESS] || st[LOC_FILE_ACCESS] || st[VAL_FILE_ACCESS]))
        fprintf(stderr, "ADOL-C: tape %d spilled to files despite sized buffers\n", tag);
    t->ops = (unsigned)st[NUM_OPERATIONS] + 64;
    t->locs = (unsigned)st[NUM_LOCATIONS] + 64;
    t->vals = (unsigned)st[NUM_VALUES] + 64;
    t->tays = (unsigned)st[TAY_STACK_SIZE] + 64;
    /* operations (1 byte each), locations (locint), constants (double), and the Taylor stack
     * that gradient()'s zero-order forward sweep keeps for the reverse sweep (double) */
    t->bytes = st[NUM_OPERATIONS] + st[NUM_LOCATIONS] * sizeof(locint) +
               st[NUM_VALUES] * sizeof(double) + st[TAY_STACK_SIZE] * sizeof(double);
}
extern "C" {
#endif

struct Wishart;
double gmm_adolc_grad(int d, int k, int n, const double *params, const double *x,
                      double wishart_gamma, int wishart_m, double *g, size_t *tape_bytes);
double gmm_adolc_reuse(int nparams, const double *params, double *g);

double ba_adolc_grad(int ncams, int npts, int nobs, const double *params, const int *obs,
                     const double *feats, double *g, size_t *tape_bytes);
double ba_adolc_reuse(int nparams, const double *params, double *g);

double lstm_adolc_grad(int nparams, const double *w, int len, const double *seq, double *g,
                       size_t *tape_bytes);
double lstm_adolc_reuse(int nparams, const double *w, double *g);

double mlp_adolc_grad(const double *params, int batch, const double *X, const double *Y,
                      double *g, size_t *tape_bytes);
double mlp_adolc_reuse(int nparams, const double *params, double *g);

double mds_adolc_grad(int npts, const double *W, const double *D, double *g,
                      size_t *tape_bytes);
double mds_adolc_reuse(int nparams, const double *W, double *g);

double heat_adolc_grad(int n, int nsteps, double r, const double *u0, double *g,
                       size_t *tape_bytes);
double heat_adolc_reuse(int n, const double *u0, double *g);

#ifdef __cplusplus
}
#endif
#endif
