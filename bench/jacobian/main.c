/* main.c: times the Jacobian of y = A x (matvec.c, A m x n, n = 100) for m from 1 to 1000 by
 * adc's matvec_jacobian_forward (n tangent sweeps), matvec_jacobian_reverse (m adjoint sweeps)
 * and one call of the vector tangent matvec_tangent_vector (n directions at once), after
 * checking that all three give A; prints one table row per m. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"
#include "matvec_ad.h"

#define N 100    /* inputs; also the width of the vector tangent (adc --vector 100) */
#define TOL 1e-12

void matvec(int m, int n, const double *A, const double *x, double *y);

static const int ms[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

typedef struct problem {
    int m;
    double *A, *x, *y, *jacobian;
    double (*identity)[N];  /* seeds of the vector tangent: x_d[j][k] = (j == k) */
    double (*rows)[N];      /* its y_d: row i of the Jacobian in rows[i] */
} problem;

enum { PRIMAL, FORWARD, REVERSE, VECTOR, ROUTES };

static void call(int route, void *ctx) {
    problem *p = ctx;
    switch (route) {
    case PRIMAL: matvec(p->m, N, p->A, p->x, p->y); break;
    case FORWARD: matvec_jacobian_forward(p->m, N, p->A, p->x, p->y, p->jacobian); break;
    case REVERSE: matvec_jacobian_reverse(p->m, N, p->A, p->x, p->y, p->jacobian); break;
    case VECTOR:
        matvec_tangent_vector(p->m, N, p->A, p->x, (const double (*)[N])p->identity, p->y, p->rows);
        break;
    }
}

static int check(int m, const char *what, double err) {
    if (err <= TOL)
        return 0;
    fprintf(stderr, "MISMATCH m=%d: %s, relative error %.3e (tolerance %.0e)\n", m, what, err, TOL);
    return 1;
}

/* The three Jacobians against A and forward against reverse; 0 if all agree. */
static int check_jacobians(problem *p) {
    size_t len = (size_t)p->m * N;
    double *jf = malloc(sizeof(double) * len), *jr = malloc(sizeof(double) * len);
    int bad = 0;
    if (matvec_jacobian_forward(p->m, N, p->A, p->x, p->y, jf) != 0 ||
        matvec_jacobian_reverse(p->m, N, p->A, p->x, p->y, jr) != 0) {
        fprintf(stderr, "MISMATCH m=%d: a Jacobian wrapper returned -1 (out of memory)\n", p->m);
        bad = 1;
    }
    call(VECTOR, p);
    bad |= check(p->m, "forward Jacobian vs A", bench_rel_err((int)len, jf, p->A));
    bad |= check(p->m, "reverse Jacobian vs A", bench_rel_err((int)len, jr, p->A));
    bad |= check(p->m, "forward vs reverse Jacobian", bench_rel_err((int)len, jf, jr));
    bad |= check(p->m, "vector tangent vs A", bench_rel_err((int)len, &p->rows[0][0], p->A));
    free(jf), free(jr);
    return bad;
}

static const char *time_str(double s, char *buf) {
    if (s < 1e-6)
        snprintf(buf, 16, "%.0fns", s * 1e9);
    else if (s < 1e-3)
        snprintf(buf, 16, "%.1fus", s * 1e6);
    else if (s < 1.0)
        snprintf(buf, 16, "%.2fms", s * 1e3);
    else
        snprintf(buf, 16, "%.2fs", s);
    return buf;
}

/* Times the routes for one m; *ratio gets reverse / forward. Returns 1 on a wrong Jacobian. */
static int run_size(int m, bench_rng *rng, double *ratio) {
    size_t len = (size_t)m * N;
    problem p = {m, malloc(sizeof(double) * len), malloc(sizeof(double) * N),
                 malloc(sizeof(double) * (size_t)m), malloc(sizeof(double) * len),
                 calloc(N, sizeof *p.identity), malloc(sizeof *p.rows * (size_t)m)};
    bench_fill(p.A, (int)len, rng, -1.0, 1.0);
    bench_fill(p.x, N, rng, -1.0, 1.0);
    for (int j = 0; j < N; j++)
        p.identity[j][j] = 1.0;
    int bad = check_jacobians(&p);
    double t[ROUTES];
    char b[ROUTES][16];
    bench_time(ROUTES, call, &p, t);
    *ratio = t[REVERSE] / t[FORWARD];
    printf("%5d | %8s | %8s %8s %7.2f %-8s | %9.1f %9.1f | %8s\n", m, time_str(t[PRIMAL], b[0]),
           time_str(t[FORWARD], b[1]), time_str(t[REVERSE], b[2]), *ratio,
           bad ? "MISMATCH" : t[FORWARD] < t[REVERSE] ? "forward" : "reverse",
           t[FORWARD] / N / t[PRIMAL], t[REVERSE] / m / t[PRIMAL], time_str(t[VECTOR], b[3]));
    fflush(stdout);
    free(p.A), free(p.x), free(p.y), free(p.jacobian), free(p.identity), free(p.rows);
    return bad;
}

/* The m where reverse / forward crosses 1, interpolated on log-log axes between the measured
 * sizes around it (the ratio grows about like m: forward is n sweeps, reverse m, each O(mn)). */
static void print_crossover(const double *ratio, int count) {
    for (int k = 1; k < count; k++)
        if (ratio[k - 1] < 1.0 && ratio[k] >= 1.0) {
            double s = log(1.0 / ratio[k - 1]) / log(ratio[k] / ratio[k - 1]);
            printf("crossover: reverse faster up to m = %d, forward from m = %d; interpolated m = %.0f "
                   "(n = %d)\n", ms[k - 1], ms[k], ms[k - 1] * pow((double)ms[k] / ms[k - 1], s), N);
            return;
        }
    printf("crossover: none between m = %d and m = %d\n", ms[0], ms[count - 1]);
}

int main(void) {
    enum { SIZES = sizeof ms / sizeof ms[0] };
    double ratio[SIZES];
    bench_rng rng = {100u};
    int bad = 0;
    printf("%5s | %8s | %8s %8s %7s %-8s | %9s %9s | %8s\n", "m", "primal", "forward", "reverse",
           "rev/fwd", "faster", "fwd sweep", "rev sweep", "vector");
    for (int k = 0; k < SIZES; k++)
        bad |= run_size(ms[k], &rng, &ratio[k]);
    print_crossover(ratio, SIZES);
    printf("Jacobian of y = A x, A m x %d; median CPU time per call. forward = matvec_jacobian_forward\n"
           "(%d tangent sweeps), reverse = matvec_jacobian_reverse (m adjoint sweeps); fwd sweep,\n"
           "rev sweep = time per sweep / primal; vector = one matvec_tangent_vector call, %d directions.\n",
           N, N, N);
    return bad;
}
