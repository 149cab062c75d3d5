/* realworld.h: the check every tests/realworld program runs on its objective.
 *
 * Each program is code in the style of a widely used public numerical code, differentiated
 * with only an ADC_DIFF line added; its driver (NAME_main.c) packs the active inputs into one
 * vector and hands the harness the primal, NAME_grad and NAME_tangent as adapters. The harness
 * checks the gradient against Richardson-extrapolated central differences, the tangent against
 * the gradient (dot-product test), and the values the generated functions return against the
 * primal's, then prints the cost of a gradient in primal evaluations (printed, not asserted:
 * speed is measured in bench/). */
#ifndef ADC_REALWORLD_H
#define ADC_REALWORLD_H

#include <adc_check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct rw_problem {
    const char *name;
    int n;                 /* packed active inputs */
    const double *x;       /* the point */
    double (*f)(const double *x, void *ctx);
    double (*grad)(const double *x, double *g, void *ctx);                     /* returns f */
    double (*tangent)(const double *x, const double *v, double *dv, void *ctx); /* returns f */
    void *ctx;
    double fd_tol;         /* 0: 1e-6 */
} rw_problem;

static inline double rw_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Seconds per call of the primal and of the gradient, interleaved, best of 5 rounds. */
static inline void rw_time(const rw_problem *p, double *g, double *primal_s, double *grad_s) {
    int reps = 1;
    for (;;) {
        double t0 = rw_seconds();
        for (int r = 0; r < reps; r++)
            p->f(p->x, p->ctx);
        if (rw_seconds() - t0 > 0.01 || reps >= (1 << 20))
            break;
        reps *= 2;
    }
    *primal_s = *grad_s = INFINITY;
    for (int round = 0; round < 5; round++) {
        double t0 = rw_seconds();
        for (int r = 0; r < reps; r++)
            p->f(p->x, p->ctx);
        double t1 = rw_seconds();
        for (int r = 0; r < reps; r++)
            p->grad(p->x, g, p->ctx);
        double t2 = rw_seconds();
        *primal_s = fmin(*primal_s, (t1 - t0) / reps);
        *grad_s = fmin(*grad_s, (t2 - t1) / reps);
    }
}

/* Runs the checks; returns main's exit status. */
static inline int rw_run(const rw_problem *p) {
    int n = p->n, failed = 0;
    double *g = malloc(sizeof *g * (size_t)n), *v = malloc(sizeof *v * (size_t)n);
    if (!g || !v)
        return 1;
    double f = p->f(p->x, p->ctx);
    double fg = p->grad(p->x, g, p->ctx);
    adc_check_result r;
    int status = adc_check_gradient(n, p->x, g, p->f, p->ctx, p->fd_tol > 0 ? p->fd_tol : 1e-6, &r, NULL);
    printf("%s: gradient vs finite differences: max error %.2e at %d (ad %.10e, fd %.10e) %s\n",
           p->name, r.max_error, r.worst, r.worst_ad, r.worst_ref, status == ADC_CHECK_PASS ? "ok" : "FAIL");
    failed |= status != ADC_CHECK_PASS;
    for (int i = 0; i < n; i++)
        v[i] = sin(1.0 + 0.7 * i);
    double dv = 0.0, gv = 0.0;
    double ft = p->tangent(p->x, v, &dv, p->ctx);
    for (int i = 0; i < n; i++)
        gv += g[i] * v[i];
    double dot_error = fabs(dv - gv) / fmax(fmax(fabs(dv), fabs(gv)), 1e-300);
    printf("%s: tangent vs gradient (dot product): %.10e vs %.10e, error %.2e %s\n", p->name, dv, gv,
           dot_error, dot_error <= 1e-10 ? "ok" : "FAIL");
    failed |= dot_error > 1e-10;
    int same = fg == f && ft == f;
    printf("%s: values returned by grad and tangent equal the primal's (%.17g) %s\n", p->name, f,
           same ? "ok" : "FAIL");
    failed |= !same;
    double primal_s, grad_s;
    rw_time(p, g, &primal_s, &grad_s);
    printf("%s: n = %d, primal %.3g s, gradient %.3g s: gradient/primal %.2f\n", p->name, n, primal_s,
           grad_s, grad_s / primal_s);
    free(g);
    free(v);
    printf("%s: %s\n", p->name, failed ? "FAILED" : "passed");
    return failed;
}

#endif
