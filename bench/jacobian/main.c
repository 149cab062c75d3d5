/* main.c: times the Jacobian of y = A x (matvec.c, A m x n, n = 100) for m from 1 to 1000 by
 * n scalar tangent sweeps (matvec_tangent on each unit vector, the seed's forward mode),
 * adc's matvec_jacobian_forward (with --vector 100: one vector tangent call carrying all n
 * directions) and matvec_jacobian_reverse (m adjoint sweeps), after checking that all three
 * give A; prints one table row per m and where reverse stops being the cheaper route. */
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
    double *unit, *column;  /* x_d and y_d of one scalar tangent sweep */
} problem;

enum { PRIMAL, TANGENTS, FORWARD, REVERSE, ROUTES };

/* The Jacobian by n scalar tangent sweeps, one column each, into jacobian. */
static void tangent_sweeps(problem *p, double *jacobian) {
    for (int j = 0; j < N; j++) {
        p->unit[j] = 1.0;
        matvec_tangent(p->m, N, p->A, p->x, p->unit, p->y, p->column);
        p->unit[j] = 0.0;
        for (int i = 0; i < p->m; i++)
            jacobian[i * N + j] = p->column[i];
    }
}

static void call(int route, void *ctx) {
    problem *p = ctx;
    switch (route) {
    case PRIMAL: matvec(p->m, N, p->A, p->x, p->y); break;
    case FORWARD: matvec_jacobian_forward(p->m, N, p->A, p->x, p->y, p->jacobian); break;
    case REVERSE: matvec_jacobian_reverse(p->m, N, p->A, p->x, p->y, p->jacobian); break;
    case TANGENTS: tangent_sweeps(p, p->jacobian); break;
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
    bad |= check(p->m, "forward Jacobian vs A", bench_rel_err((int)len, jf, p->A));
    bad |= check(p->m, "reverse Jacobian vs A", bench_rel_err((int)len, jr, p->A));
    bad |= check(p->m, "forward vs reverse Jacobian", bench_rel_err((int)len, jf, jr));
    tangent_sweeps(p, jf);
    bad |= check(p->m, "tangent sweeps vs A", bench_rel_err((int)len, jf, p->A));
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

/* Times the routes for one m; ratio[0] gets reverse / tangent sweeps, ratio[1] reverse /
 * vector forward. Returns 1 on a wrong Jacobian. */
static int run_size(int m, bench_rng *rng, double ratio[2]) {
    size_t len = (size_t)m * N;
    problem p = {m, malloc(sizeof(double) * len), malloc(sizeof(double) * N),
                 malloc(sizeof(double) * (size_t)m), malloc(sizeof(double) * len),
                 calloc(N, sizeof(double)), malloc(sizeof(double) * (size_t)m)};
    bench_fill(p.A, (int)len, rng, -1.0, 1.0);
    bench_fill(p.x, N, rng, -1.0, 1.0);
    int bad = check_jacobians(&p);
    double t[ROUTES];
    char b[ROUTES][16];
    bench_time(ROUTES, call, &p, t);
    ratio[0] = t[REVERSE] / t[TANGENTS];
    ratio[1] = t[REVERSE] / t[FORWARD];
    printf("%5d | %8s | %8s %8s %8s | %7.2f %7.2f | %9.1f %9.1f | %s\n", m, time_str(t[PRIMAL], b[0]),
           time_str(t[TANGENTS], b[1]), time_str(t[FORWARD], b[2]), time_str(t[REVERSE], b[3]), ratio[0],
           ratio[1], t[TANGENTS] / N / t[PRIMAL], t[REVERSE] / m / t[PRIMAL], bad ? "MISMATCH" : "ok");
    fflush(stdout);
    free(p.A), free(p.x), free(p.y), free(p.jacobian), free(p.unit), free(p.column);
    return bad;
}

/* The m where reverse / forward crosses 1, interpolated on log-log axes between the measured
 * sizes around it (the ratio grows about like m: forward is n sweeps, reverse m, each O(mn)). */
static void print_crossover(const char *route, const double ratio[][2], int which, int count) {
    for (int k = 1; k < count; k++)
        if (ratio[k - 1][which] < 1.0 && ratio[k][which] >= 1.0) {
            double s = log(1.0 / ratio[k - 1][which]) / log(ratio[k][which] / ratio[k - 1][which]);
            printf("crossover, reverse vs %s: reverse faster up to m = %d, %s from m = %d; interpolated "
                   "m = %.0f (n = %d)\n", route, ms[k - 1], route, ms[k],
                   ms[k - 1] * pow((double)ms[k] / ms[k - 1], s), N);
            return;
        }
    printf("crossover, reverse vs %s: none between m = %d and m = %d\n", route, ms[0], ms[count - 1]);
}

int main(void) {
    enum { SIZES = sizeof ms / sizeof ms[0] };
    double ratio[SIZES][2];
    bench_rng rng = {100u};
    int bad = 0;
    printf("%5s | %8s | %8s %8s %8s | %7s %7s | %9s %9s | %s\n", "m", "primal", "tangents", "forward",
           "reverse", "rev/tan", "rev/fwd", "tan sweep", "rev sweep", "check");
    for (int k = 0; k < SIZES; k++)
        bad |= run_size(ms[k], &rng, ratio[k]);
    print_crossover("tangents", ratio, 0, SIZES);
    print_crossover("forward", ratio, 1, SIZES);
    printf("Jacobian of y = A x, A m x %d; median CPU time per call. tangents = %d matvec_tangent sweeps,\n"
           "forward = matvec_jacobian_forward (one vector tangent call, %d directions), reverse =\n"
           "matvec_jacobian_reverse (m adjoint sweeps); tan sweep, rev sweep = time per sweep / primal.\n",
           N, N, N);
    return bad;
}
