/* bench_rw.h: turns a tests/realworld driver (NAME_main.c, compiled with -include bench_rw.h)
 * into a bench/run row. The driver's rw_run(&p) becomes bench_run() on its primal and
 * gradient adapters (no ADOL-C or reused tape), plus Enzyme's gradient of the same adapter f when
 * compiled with -DBENCH_RW_ENZYME (bench/run then links the driver and the program into one LLVM
 * module, so that Enzyme sees both, and compiles it with the Enzyme plugin). After the row, the
 * gradients are checked against central differences (adc_check_gradient, Richardson-extrapolated,
 * the realworld tests' check and tolerance) and a line
 *
 *   RWFD name adc_fd_error enzyme_fd_error tolerance        (enzyme_fd_error nan: no Enzyme)
 *
 * printed: an adc gradient that fails the check is a MISMATCH (the row's run fails); an Enzyme
 * gradient that disagrees with adc's is reported (bench_run's adc-Enz column and this line), not
 * counted as the row's failure. */
#ifndef BENCH_RW_H
#define BENCH_RW_H

#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "realworld.h"

static int rw_bench_n;

#ifdef BENCH_RW_ENZYME
static double f(const double *x, void *ctx); /* the driver's adapter, defined after this */
int enzyme_const, enzyme_dup, enzyme_primal_return;
double __enzyme_autodiff(void *, ...);

static double rw_bench_enzyme(const double *x, double *g, void *ctx, int primal_return) {
    memset(g, 0, sizeof *g * (size_t)rw_bench_n);
    if (primal_return)
        return __enzyme_autodiff((void *)f, enzyme_primal_return, enzyme_dup, x, g, enzyme_const, ctx);
    __enzyme_autodiff((void *)f, enzyme_dup, x, g, enzyme_const, ctx);
    return NAN;
}
#define RW_BENCH_ENZYME rw_bench_enzyme
#else
#define RW_BENCH_ENZYME NULL
#endif

/* max error of g against central differences of p->f (adc_check_gradient's measure) */
static double rw_bench_fd_error(const rw_problem *p, const double *g) {
    adc_check_result r;
    double tol = p->fd_tol > 0 ? p->fd_tol : 1e-6;
    return adc_check_gradient(p->n, p->x, g, p->f, p->ctx, tol, &r, NULL) < 0 ? NAN : r.max_error;
}

/* The RWFD line; returns 1 if adc's gradient fails the realworld tests' check. */
static int rw_bench_fd(const rw_problem *p, const char *name) {
    double *g = calloc((size_t)p->n, sizeof *g), err_enzyme = NAN;
    if (!g)
        return 1;
    p->grad(p->x, g, p->ctx);
    double err_adc = rw_bench_fd_error(p, g), tol = p->fd_tol > 0 ? p->fd_tol : 1e-6;
#ifdef BENCH_RW_ENZYME
    rw_bench_enzyme(p->x, g, p->ctx, 1);
    err_enzyme = rw_bench_fd_error(p, g);
#endif
    free(g);
    printf("RWFD %s %.3g %.3g %.3g\n", name, err_adc, err_enzyme, tol);
    if (err_adc <= tol)
        return 0;
    fprintf(stderr, "MISMATCH %s: adc vs central differences, error %.3e (tolerance %.0e)\n", name, err_adc,
            tol);
    return 1;
}

/* The problem's name as one token: "rk45_callbacks (lotka-volterra, rk4)" ->
 * "rk45_callbacks_lotka-volterra_rk4". */
static int rw_bench_run(const rw_problem *p) {
    char name[128];
    size_t k = 0;
    for (const char *s = p->name; *s && k + 1 < sizeof name; s++)
        if (*s == ' ')
            name[k++] = '_';
        else if (*s != '(' && *s != ')' && *s != ',')
            name[k++] = *s;
    name[k] = '\0';
    rw_bench_n = p->n;
    bench_case c = {name, p->n, p->x, p->ctx, p->f, p->grad, NULL, NULL, NULL, 0, RW_BENCH_ENZYME, 1};
    int bad = bench_run(&c);
    return rw_bench_fd(p, name) | bad;
}
#define rw_run rw_bench_run

#endif
