/* bench.h: timing and cross-checking harness of bench/run (bench_time and bench_rel_err also
 * of bench/jacobian).
 *
 * A case packs its active inputs into one flat vector x[0..n) and gives small adapters that
 * unpack it and call the primal, the adc gradient (NAME_grad), the adc forward sweep on a
 * caller-owned tape (NAME_forward + NAME_reverse, reusing one tape from call to call; also gives
 * adc_tape_peak_bytes) and the ADOL-C gradient (bench/adolc/NAME.cpp). bench_run() checks the
 * routes against each other, times them and prints one line
 *
 *   ROW name n primal_s grad_s grad_reuse_s fd_s adolc_s adolc_reuse_s adc_tape_bytes
 *       adolc_tape_bytes err_adolc err_fd primal2_s status enzyme_s enzyme_noret_s err_enzyme
 *
 * (times in seconds per call, "nan" when not measured; primal2_s is the primal timed in the
 * ADOL-C series, see bench_run; enzyme_s with the primal return, enzyme_noret_s without, both
 * in the series of grad_s). Every route that exists is checked,
 * whether or not it is timed; any disagreement prints MISMATCH (stderr) and makes bench_run
 * return 1. Environment: BENCH_TIME_FD=0 / BENCH_TIME_ADOLC=0 skip those timings;
 * BENCH_PROFILE=primal|grad|reuse|fd|adolc|adolc_reuse|enzyme|enzyme_noret runs only that route for
 * BENCH_PROFILE_SECONDS (default 2) after the checks, for perf or valgrind;
 * BENCH_FD_STEP sets the relative finite-difference step (default 2e-5). */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <adc_tape.h>

typedef struct bench_case {
    const char *name;
    int n;                  /* number of active inputs */
    const double *x;        /* the point, flat */
    void *ctx;
    double (*primal)(const double *x, void *ctx);
    double (*grad)(const double *x, double *g, void *ctx);     /* adc: NAME_grad */
    /* adc on a caller-owned tape: zero g, NAME_forward, NAME_reverse with seed 1; or NULL */
    double (*fwdrev)(const double *x, double *g, void *ctx, adc_tape *tape);
    /* ADOL-C: trace_on ... trace_off, gradient(); *tape_bytes gets the tape size estimate */
    double (*adolc)(const double *x, double *g, void *ctx, size_t *tape_bytes);
    double (*adolc_reuse)(const double *x, double *g, void *ctx); /* gradient() on the last tape */
    int fd;                 /* also compute central finite differences */
    /* Enzyme (bench/enzyme/NAME.c), or NULL: zeroes g, writes the gradient, returns f if
     * primal_return (enzyme_primal_return), else NAN */
    double (*enzyme)(const double *x, double *g, void *ctx, int primal_return);
    /* Enzyme disagreeing with adc is printed (MISMATCH lines, the row's error column) but does
     * not fail the row: for rows whose adc gradient the tests check against finite differences */
    int enzyme_unchecked;
} bench_case;

/* Relative tolerance of every cross-check (max-norm of the difference over max-norm). */
#define BENCH_TOL 1e-8

/* max |a - b| / max |b| over n elements; NaN if any difference is NaN. */
double bench_rel_err(int n, const double *a, const double *b);

int bench_run(const bench_case *c);

/* Times the routes 0..nroutes-1, call(route, ctx) being one call of a route: median[route] gets
 * the median per call over samples of several calls each (at least 0.2 s per route, at least
 * 3 samples), in CPU time of the thread. The samples of the routes are interleaved, one sample
 * of each route per round, so that a change in the load of the machine affects every route
 * alike and their ratios stay meaningful. */
#define BENCH_MAX_ROUTES 8
void bench_time(int nroutes, void (*call)(int route, void *ctx), void *ctx, double *median);

/* Deterministic data: splitmix64 stream. */
typedef struct bench_rng { unsigned long long s; } bench_rng;
double bench_uniform(bench_rng *r, double lo, double hi);
double bench_normal(bench_rng *r);
void bench_fill(double *x, int n, bench_rng *r, double lo, double hi);

#endif
