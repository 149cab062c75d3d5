/* e2e_omp.h: the check every OpenMP case adds to e2e_run_scalar's: the gradient and the
 * tangent with 4 threads equal those with 1 thread (the serial result) up to rounding (sums
 * are added in another order). Included by cases whose name starts with omp_ (ctest label
 * openmp), built with -fopenmp. */
#ifndef ADC_E2E_OMP_H
#define ADC_E2E_OMP_H

#include <omp.h>
#include "e2e.h"

#define E2E_OMP_TOL 1e-12

static inline void e2e_omp_serial(const e2e_scalar *c) {
    int n = c->n;
    double *g = malloc(3 * (size_t)n * sizeof *g);
    if (!g) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    double *serial = g + n, *v = serial + n, dv[2], f[2];
    e2e_fill(v, n, 7u, -1.0, 1.0);
    for (int run = 0; run < 2; run++) {
        omp_set_num_threads(run ? 4 : 1);
        c->grad(c->x, run ? g : serial, c->ctx);
        f[run] = c->tangent(c->x, v, &dv[run], c->ctx);
    }
    e2e_expect_close(c->label, "grad with 4 threads vs 1 thread", g, serial, n, E2E_OMP_TOL);
    e2e_expect_close(c->label, "tangent with 4 threads vs 1 thread", &dv[1], &dv[0], 1, E2E_OMP_TOL);
    e2e_expect_close(c->label, "value with 4 threads vs 1 thread", &f[1], &f[0], 1, E2E_OMP_TOL);
    free(g);
}

#endif
