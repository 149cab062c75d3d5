/* main.c: data-parallel training with MPI. Every rank holds one shard of POINTS labelled
 * points, computes the loss and gradient of its shard with the shard_loss_grad adc generated,
 * and MPI_Allreduce sums them; every rank then runs the same L-BFGS iteration on the same
 * sums, so the ranks stay in lockstep with no other communication. Before training, the
 * distributed gradient is checked against central finite differences and against the
 * gradient of the whole data set computed by one process (rank 0); after training, the
 * accuracy. Prints the loss curve, the wall time per gradient, and exits 1 on a failed check.
 * Run: make run NP=4 (mpirun; see README). */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc_check.h>
#include <adc_optim.h>
#include "softmax.h"
#include "softmax_ad.h"

#define POINTS 24000
#define LAMBDA 1e-3
#define CHECK_TOL 1e-6
#define SERIAL_TOL 1e-12
#define ACCURACY_MIN 0.9

typedef struct shard {
    int first, m;       /* global index of the first point, number of points */
    double *X;
    int *label;
    double *sums;       /* loss and gradient of the shard, then of all shards */
    int gradients;      /* calls of fg, and their wall time */
    double seconds;
} shard;

/* Point i of the data set, the same on every rank: a Gaussian blob around its class's center. */
static void make_point(int i, double *x, int *label) {
    adc_rng rng;
    adc_rng_seed(&rng, 7);
    double center[CLASSES][FEATURES];
    for (int c = 0; c < CLASSES; c++)
        for (int k = 0; k < FEATURES; k++)
            center[c][k] = 1.5 * adc_rng_normal(&rng);
    adc_rng_seed(&rng, 1000 + (uint64_t)i);
    *label = adc_rng_below(&rng, CLASSES);
    for (int k = 0; k < FEATURES; k++)
        x[k] = center[*label][k] + 2.0 * adc_rng_normal(&rng);
}

static int make_shard(shard *s, int first, int m) {
    s->first = first;
    s->m = m;
    s->X = malloc(sizeof *s->X * FEATURES * (size_t)m);
    s->label = malloc(sizeof *s->label * (size_t)m);
    s->sums = malloc(sizeof *s->sums * (WEIGHTS + 1));
    s->gradients = 0;
    s->seconds = 0.0;
    if (!s->X || !s->label || !s->sums)
        return 0;
    for (int i = 0; i < m; i++)
        make_point(first + i, s->X + FEATURES * i, &s->label[i]);
    return 1;
}

static void free_shard(shard *s) {
    free(s->X);
    free(s->label);
    free(s->sums);
}

/* The regularized mean loss over all ranks' points and its gradient. */
static double loss_fg(const double *w, double *g, void *ctx) {
    shard *s = ctx;
    double t0 = MPI_Wtime();
    double local[WEIGHTS + 1];
    local[0] = shard_loss_grad(w, s->m, s->X, s->label, local + 1);
    MPI_Allreduce(local, s->sums, WEIGHTS + 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    double f = s->sums[0] / POINTS;
    for (int j = 0; j < WEIGHTS; j++) {
        g[j] = s->sums[1 + j] / POINTS + LAMBDA * w[j];
        f += 0.5 * LAMBDA * w[j] * w[j];
    }
    s->seconds += MPI_Wtime() - t0;
    s->gradients++;
    return f;
}

static double loss_f(const double *w, void *ctx) {
    shard *s = ctx;
    double local = shard_loss(w, s->m, s->X, s->label), sum, f;
    MPI_Allreduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    f = sum / POINTS;
    for (int j = 0; j < WEIGHTS; j++)
        f += 0.5 * LAMBDA * w[j] * w[j];
    return f;
}

/* Rank 0: the largest relative difference between g and the gradient of the whole data set
 * computed by this process alone. */
static double serial_difference(const double *w, const double *g) {
    shard all;
    double worst = INFINITY, gs[WEIGHTS];
    if (make_shard(&all, 0, POINTS)) {
        shard_loss_grad(w, POINTS, all.X, all.label, gs);
        worst = 0.0;
        for (int j = 0; j < WEIGHTS; j++) {
            gs[j] = gs[j] / POINTS + LAMBDA * w[j];
            worst = fmax(worst, fabs(g[j] - gs[j]) / fmax(fabs(gs[j]), 1e-300));
        }
    }
    free_shard(&all);
    return worst;
}

static int print_progress(const adc_progress *p, void *ctx) {
    int rank = *(const int *)ctx;
    if (rank == 0 && p->iteration % 10 == 0)
        printf("  iteration %3d  loss %.12f  |g| %.3e\n", p->iteration, p->f, p->grad_norm);
    return 0;
}

static double accuracy(const double *w, const shard *s) {
    int correct = 0, total;
    for (int i = 0; i < s->m; i++) {
        const double *x = s->X + FEATURES * i;
        int best = 0;
        double zbest = -INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double z = w[CLASSES * FEATURES + c];
            for (int k = 0; k < FEATURES; k++)
                z += w[FEATURES * c + k] * x[k];
            if (z > zbest)
                zbest = z, best = c;
        }
        correct += best == s->label[i];
    }
    MPI_Allreduce(&correct, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    return (double)total / POINTS;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, ranks, failed = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    shard s;
    int first = (int)((long)POINTS * rank / ranks), last = (int)((long)POINTS * (rank + 1) / ranks);
    if (!make_shard(&s, first, last - first)) {
        fprintf(stderr, "rank %d: out of memory\n", rank);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }

    double w[WEIGHTS], g[WEIGHTS];
    for (int j = 0; j < WEIGHTS; j++)
        w[j] = 0.01 * sin(1.0 + j);
    loss_fg(w, g, &s);
    adc_check_result check;
    int fd_status = adc_check_gradient(WEIGHTS, w, g, loss_f, &s, CHECK_TOL, &check, NULL);
    if (rank == 0) {
        double serial = serial_difference(w, g);
        printf("%d ranks, %d points: gradient vs finite differences %.1e %s, vs one process %.1e %s\n",
               ranks, POINTS, check.max_error, fd_status == ADC_CHECK_PASS ? "ok" : "FAIL", serial,
               serial <= SERIAL_TOL ? "ok" : "FAIL");
        failed |= fd_status != ADC_CHECK_PASS || !(serial <= SERIAL_TOL);
    }

    adc_lbfgs_options opts = adc_lbfgs_defaults();
    opts.common.max_iterations = 60;
    opts.common.gtol = 1e-9;
    opts.common.progress = print_progress;
    opts.common.progress_ctx = &rank;
    adc_optim_result result;
    s.gradients = 0;
    s.seconds = 0.0;
    adc_lbfgs(WEIGHTS, w, loss_fg, &s, &opts, &result);
    double acc = accuracy(w, &s), seconds;
    MPI_Allreduce(&s.seconds, &seconds, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("final loss %.12f after %d iterations, accuracy %.4f %s\n", result.f,
               result.iterations, acc, acc >= ACCURACY_MIN ? "ok" : "FAIL");
        printf("wall time per gradient (shard gradient + MPI_Allreduce): %.3f ms\n",
               1e3 * seconds / s.gradients);
        failed |= acc < ACCURACY_MIN;
    }
    free_shard(&s);
    MPI_Bcast(&failed, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return failed;
}
