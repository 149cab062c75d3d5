/* bench.c: see bench.h. */
#define _POSIX_C_SOURCE 199309L
#include "bench.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_TOTAL 0.2  /* seconds spent on each measurement, at least */
#define ROUNDS 15       /* samples per measurement when calls are short */
#define MIN_SAMPLES 3   /* ... and at least this many when they are long */

/* CPU time of this thread (user + system, so page faults count): the machine this runs on is
 * usually shared, and wall-clock medians moved by 50% with other jobs running. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* One unit of work to time. */
typedef struct work {
    int kind;  /* 0 primal, 1 adc grad, 2 fd, 3 adolc, 4 adolc reuse, 5 adc on a reused tape,
                * 6 Enzyme with the primal return, 7 Enzyme without */
    const bench_case *c;
    double *g, *xw;
    adc_tape *tape;
} work;

static volatile double sink;

static double fd_step = 2e-5; /* relative; error ~ h^2 f''' + eps |f| / h, below 1e-8 here */

static double fd_grad(const bench_case *c, double *xw, double *g) {
    memcpy(xw, c->x, sizeof(double) * (size_t)c->n);
    for (int i = 0; i < c->n; i++) {
        double xi = xw[i];
        double h = fd_step * (fabs(xi) > 1.0 ? fabs(xi) : 1.0);
        volatile double xp = xi + h, xm = xi - h;
        xw[i] = xp;
        double fp = c->primal(xw, c->ctx);
        xw[i] = xm;
        double fm = c->primal(xw, c->ctx);
        xw[i] = xi;
        g[i] = (fp - fm) / (xp - xm);
    }
    return 0.0;
}

static void run_once(const work *w) {
    const bench_case *c = w->c;
    size_t bytes;
    switch (w->kind) {
    case 0: sink = c->primal(c->x, c->ctx); break;
    case 1: sink = c->grad(c->x, w->g, c->ctx); break;
    case 2: sink = fd_grad(c, w->xw, w->g); break;
    case 3: sink = c->adolc(c->x, w->g, c->ctx, &bytes); break;
    case 4: sink = c->adolc_reuse(c->x, w->g, c->ctx); break;
    case 5: sink = c->fwdrev(c->x, w->g, c->ctx, w->tape); break;
    case 6: sink = c->enzyme(c->x, w->g, c->ctx, 1); break;
    case 7: sink = c->enzyme(c->x, w->g, c->ctx, 0); break;
    }
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void bench_time(int nroutes, void (*call)(int route, void *ctx), void *ctx, double *median) {
    int inner[BENCH_MAX_ROUTES], need[BENCH_MAX_ROUTES], have[BENCH_MAX_ROUTES];
    double *ts[BENCH_MAX_ROUTES];
    for (int i = 0; i < nroutes; i++) {
        double t0 = now();
        call(i, ctx); /* warm-up; also sizes the sample */
        double t1 = now() - t0;
        if (t1 < 1e-9)
            t1 = 1e-9;
        double sample = MIN_TOTAL / ROUNDS;
        inner[i] = t1 >= sample ? 1 : (int)ceil(sample / t1);
        need[i] = (int)ceil(MIN_TOTAL / (inner[i] * t1));
        if (need[i] < MIN_SAMPLES)
            need[i] = MIN_SAMPLES;
        if (need[i] > 2 * ROUNDS)
            need[i] = 2 * ROUNDS;
        have[i] = 0;
        ts[i] = malloc(sizeof(double) * (size_t)need[i]);
    }
    for (int busy = 1; busy;) {
        busy = 0;
        for (int i = 0; i < nroutes; i++) {
            if (have[i] == need[i])
                continue;
            double a = now();
            for (int k = 0; k < inner[i]; k++)
                call(i, ctx);
            ts[i][have[i]++] = (now() - a) / inner[i];
            busy = 1;
        }
    }
    for (int i = 0; i < nroutes; i++) {
        int n = need[i];
        qsort(ts[i], (size_t)n, sizeof(double), cmp_double);
        median[i] = n % 2 ? ts[i][n / 2] : 0.5 * (ts[i][n / 2 - 1] + ts[i][n / 2]);
        free(ts[i]);
    }
}

static void call_work(int route, void *works) {
    run_once((const work *)works + route);
}

double bench_rel_err(int n, const double *a, const double *b) {
    double d = 0.0, m = 0.0;
    for (int i = 0; i < n; i++) {
        double e = fabs(a[i] - b[i]);
        if (e > d || isnan(e))
            d = e;
        if (fabs(b[i]) > m) m = fabs(b[i]);
    }
    return m > 0.0 ? d / m : d;
}

static double rel_scalar(double a, double b) {
    double m = fabs(b) > 1e-300 ? fabs(b) : 1.0;
    return fabs(a - b) / m;
}

static int env_flag(const char *name) {
    const char *v = getenv(name);
    return !(v && strcmp(v, "0") == 0);
}

static int check(const char *name, const char *what, double err) {
    if (err <= BENCH_TOL)
        return 0;
    fprintf(stderr, "MISMATCH %s: %s, relative error %.3e (tolerance %.0e)\n", name, what, err,
            BENCH_TOL);
    return 1;
}

int bench_run(const bench_case *c) {
    int n = c->n, bad = 0;
    double *g = calloc((size_t)n, sizeof *g), *ga = calloc((size_t)n, sizeof *ga);
    double *gf = calloc((size_t)n, sizeof *gf), *xw = calloc((size_t)n, sizeof *xw);
    double err_adolc = NAN, err_fd = NAN, err_enzyme = NAN, t_fd = NAN, t_adolc = NAN,
           t_reuse = NAN;
    size_t adolc_bytes = 0;
    adc_tape tape;
    adc_tape_init(&tape);
    if (getenv("BENCH_FD_STEP"))
        fd_step = atof(getenv("BENCH_FD_STEP"));

    /* correctness first: every route against the adc gradient */
    double f = c->primal(c->x, c->ctx);
    double fg = c->grad(c->x, g, c->ctx);
    bad |= check(c->name, "value returned by NAME_grad vs primal", rel_scalar(fg, f));
    for (int i = 0; i < n; i++)
        if (!isfinite(g[i])) {
            fprintf(stderr, "MISMATCH %s: adc gradient component %d is %g\n", c->name, i, g[i]);
            bad = 1;
            break;
        }
    size_t adc_bytes = 0;
    if (c->fwdrev) {
        double ft = c->fwdrev(c->x, gf, c->ctx, &tape);
        adc_bytes = adc_tape_peak_bytes(&tape);
        bad |= check(c->name, "value of NAME_forward vs primal", rel_scalar(ft, f));
        bad |= check(c->name, "NAME_forward/NAME_reverse vs NAME_grad", bench_rel_err(n, gf, g));
        if (adc_tape_failed(&tape) || adc_tape_bytes(&tape) != 0) {
            fprintf(stderr, "MISMATCH %s: tape failed or not emptied by NAME_reverse (%zu bytes)\n",
                    c->name, adc_tape_bytes(&tape));
            bad = 1;
        }
    }
    if (c->adolc) {
        double fa = c->adolc(c->x, ga, c->ctx, &adolc_bytes);
        fa = c->adolc(c->x, ga, c->ctx, &adolc_bytes); /* second trace: buffers sized in core */
        err_adolc = bench_rel_err(n, g, ga);
        bad |= check(c->name, "ADOL-C value vs primal", rel_scalar(fa, f));
        bad |= check(c->name, "adc vs ADOL-C gradient", err_adolc);
    }
    if (c->enzyme) {
        double fe = c->enzyme(c->x, ga, c->ctx, 1);
        err_enzyme = bench_rel_err(n, g, ga);
        int enzyme_bad = check(c->name, "Enzyme value vs primal", rel_scalar(fe, f));
        enzyme_bad |= check(c->name, "adc vs Enzyme gradient", err_enzyme);
        c->enzyme(c->x, ga, c->ctx, 0);
        enzyme_bad |= check(c->name, "adc vs Enzyme gradient (no primal return)", bench_rel_err(n, g, ga));
        if (enzyme_bad && !c->enzyme_unchecked)
            bad = 1;
    }
    if (c->fd) {
        fd_grad(c, xw, gf);
        err_fd = bench_rel_err(n, g, gf);
        bad |= check(c->name, "adc vs central differences", err_fd);
    }

    work w = {0, c, gf, xw, &tape};
    const char *prof = getenv("BENCH_PROFILE");
    if (prof) { /* for perf/valgrind: only one route, for about BENCH_PROFILE_SECONDS */
        const char *names[] = {"primal", "grad", "fd", "adolc", "adolc_reuse", "reuse",
                               "enzyme", "enzyme_noret"};
        const char *secs = getenv("BENCH_PROFILE_SECONDS");
        double limit = secs ? atof(secs) : 2.0, t0 = now();
        int kind = -1;
        for (int k = 0; k < 8; k++)
            if (strcmp(prof, names[k]) == 0)
                kind = k;
        if (kind < 0 || (kind == 2 && !c->fd) || (kind >= 3 && kind <= 4 && !c->adolc) ||
            (kind == 5 && !c->fwdrev) ||
            (kind >= 6 && !c->enzyme)) {
            fprintf(stderr, "BENCH_PROFILE: primal, grad, reuse, fd, adolc, adolc_reuse, enzyme "
                            "or enzyme_noret\n");
            exit(2);
        }
        w.kind = kind;
        long calls = 0;
        do {
            run_once(&w);
            calls++;
        } while (now() - t0 < limit);
        printf("PROFILE %s %s: %ld calls, %.3e s per call\n", c->name, prof, calls,
               (now() - t0) / calls);
        adc_tape_free(&tape);
        free(g), free(ga), free(gf), free(xw);
        return bad;
    }
    /* Two interleaved series: (primal, NAME_grad, reused tape, FD, Enzyme), then (primal, ADOL-C,
     * ADOL-C gradient() only). Not one series: NAME_grad allocates a new tape per call, and
     * between ADOL-C's calls that allocation became page faults every time (100x primal
     * instead of 8x on mds_N1000 and heat; see README). Ratios to ADOL-C are taken through
     * each series' own primal time. */
    double t_by_kind[8] = {NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN}, t_primal2 = NAN, med[8];
    work ws[8];
    int kinds[8], nw = 0;
    kinds[nw++] = 0, kinds[nw++] = 1;
    if (c->fwdrev)
        kinds[nw++] = 5;
    if (c->fd && env_flag("BENCH_TIME_FD"))
        kinds[nw++] = 2;
    if (c->enzyme)
        kinds[nw++] = 6, kinds[nw++] = 7;
    for (int i = 0; i < nw; i++)
        ws[i] = w, ws[i].kind = kinds[i];
    bench_time(nw, call_work, ws, med);
    for (int i = 0; i < nw; i++)
        t_by_kind[kinds[i]] = med[i];
    if (c->adolc && env_flag("BENCH_TIME_ADOLC")) {
        nw = 0;
        kinds[nw++] = 0, kinds[nw++] = 3;
        if (c->adolc_reuse)
            kinds[nw++] = 4;
        for (int i = 0; i < nw; i++)
            ws[i] = w, ws[i].kind = kinds[i];
        bench_time(nw, call_work, ws, med);
        t_primal2 = med[0];
        for (int i = 1; i < nw; i++)
            t_by_kind[kinds[i]] = med[i];
    }
    double t_primal = t_by_kind[0], t_grad = t_by_kind[1], t_grad_reuse = t_by_kind[5];
    t_fd = t_by_kind[2], t_adolc = t_by_kind[3], t_reuse = t_by_kind[4];
    printf("ROW %s %d %.6e %.6e %.6e %.6e %.6e %.6e %zu %zu %.2e %.2e %.6e %s %.6e %.6e %.2e\n",
           c->name, n, t_primal, t_grad, t_grad_reuse, t_fd, t_adolc, t_reuse, adc_bytes,
           adolc_bytes, err_adolc, err_fd, t_primal2, bad ? "MISMATCH" : "ok", t_by_kind[6],
           t_by_kind[7], err_enzyme);
    fflush(stdout);
    adc_tape_free(&tape);
    free(g), free(ga), free(gf), free(xw);
    return bad;
}

double bench_uniform(bench_rng *r, double lo, double hi) {
    unsigned long long z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return lo + (hi - lo) * ((double)(z >> 11) * 0x1.0p-53);
}

double bench_normal(bench_rng *r) {
    double u = bench_uniform(r, 1e-300, 1.0), v = bench_uniform(r, 0.0, 1.0);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

void bench_fill(double *x, int n, bench_rng *r, double lo, double hi) {
    for (int i = 0; i < n; i++)
        x[i] = bench_uniform(r, lo, hi);
}
