/* e2e_omp.h: the check every OpenMP case adds to e2e_run_scalar's: the value, the gradient and
 * a tangent equal the serial result up to rounding (sums are added in another order). Included
 * by cases whose name starts with omp_ (ctest label openmp). Each such case is built twice:
 * with -fopenmp (the test) and without it (its serial twin, E2E_SERIAL_TWIN: the same program
 * with every pragma ignored). The twin runs its own checks and prints its results; the test runs
 * them with 1, 2 and 4 threads and compares each with the twin's. */
#ifndef ADC_E2E_OMP_H
#define ADC_E2E_OMP_H

#include "e2e.h"

#define E2E_OMP_TOL 1e-12

/* Value, tangent along a fixed v, then the gradient: out[0..n+2). */
static inline void e2e_omp_results(const e2e_scalar *c, double *out) {
    double *v = malloc((size_t)c->n * sizeof *v);
    if (!v) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    e2e_fill(v, c->n, 7u, -1.0, 1.0);
    out[0] = c->tangent(c->x, v, &out[1], c->ctx);
    c->grad(c->x, out + 2, c->ctx);
    free(v);
}

#ifdef _OPENMP
#include <omp.h>

/* The twin's results, from its lines "E2E_SERIAL <hex double>"; 0 if it failed. */
static inline int e2e_omp_twin(const e2e_scalar *c, double *out) {
    FILE *twin = popen(E2E_SERIAL_TWIN, "r");
    if (!twin)
        return 0;
    char line[256];
    int got = 0;
    while (fgets(line, sizeof line, twin))
        if (got < c->n + 2 && sscanf(line, "E2E_SERIAL %la", &out[got]) == 1)
            got++;
    return pclose(twin) == 0 && got == c->n + 2;
}

static inline void e2e_omp_serial(const e2e_scalar *c) {
    int n = c->n + 2;
    double *serial = malloc(2 * (size_t)n * sizeof *serial), *par = serial + n;
    if (!serial) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    if (e2e_report(e2e_omp_twin(c, serial), c->label, "serial twin (built without -fopenmp) passes"))
        for (int threads = 1; threads <= 4; threads *= 2) {
            omp_set_num_threads(threads);
            e2e_omp_results(c, par);
            const char *what[] = {"value", "tangent", "gradient"};
            for (int k = 0; k < 3; k++) {
                char check[64];
                snprintf(check, sizeof check, "%s with %d thread(s) vs serial", what[k], threads);
                e2e_expect_close(c->label, check, par + k, serial + k, k < 2 ? 1 : c->n, E2E_OMP_TOL);
            }
        }
    free(serial);
}
#else
/* The serial twin: prints its results, exactly, for the test built with -fopenmp. */
static inline void e2e_omp_serial(const e2e_scalar *c) {
    double *out = malloc((size_t)(c->n + 2) * sizeof *out);
    if (!out) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    e2e_omp_results(c, out);
    for (int i = 0; i < c->n + 2; i++)
        printf("E2E_SERIAL %a\n", out[i]);
    free(out);
}
#endif

#endif
