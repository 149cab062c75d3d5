/* bench_rw.h: turns a tests/realworld driver (NAME_main.c, compiled with -include bench_rw.h)
 * into a bench/run row. The driver's rw_run(&p) becomes bench_run() on its primal and
 * gradient adapters (no finite differences, ADOL-C or reused tape: the realworld tests check
 * the gradient against finite differences and the tangent), plus Enzyme's gradient of the same
 * adapter f when bench/realworld/enzyme.c is linked (rw_enzyme is weak: NULL without it). An
 * Enzyme gradient that disagrees is reported, not counted as the row's failure: the realworld
 * tests check adc's against finite differences and the tangent. */
#ifndef BENCH_RW_H
#define BENCH_RW_H

#include <string.h>
#include "bench.h"
#include "realworld.h"

double rw_enzyme(const double *x, double *g, void *ctx, int primal_return) __attribute__((weak));

static int rw_bench_n;

static double rw_bench_enzyme(const double *x, double *g, void *ctx, int primal_return) {
    memset(g, 0, sizeof *g * (size_t)rw_bench_n);
    return rw_enzyme(x, g, ctx, primal_return);
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
    bench_case c = {name, p->n, p->x, p->ctx, p->f, p->grad, NULL, NULL, NULL, 0,
                    rw_enzyme ? rw_bench_enzyme : NULL, 1};
    return bench_run(&c);
}
#define rw_run rw_bench_run

#endif
