/* main.c: fitting a heat equation solved by domain decomposition. Every rank holds a slice
 * of the rod; the misfit of the final temperature to observations (made with the true
 * parameters) is differentiated by adc through the halo exchange and the Allreduce
 * (heat_misfit_adjoint). The gradient with respect to the three parameters, which every rank
 * holds, is the sum over the ranks of their adjoints (seed 1 on rank 0: the misfit is the
 * same on every rank), so one MPI_Allreduce gives it to all, and every rank runs the same
 * L-BFGS iteration in lockstep. Before fitting, the gradient is checked against central
 * finite differences, against the gradient of one process computing the whole rod
 * (MPI_COMM_SELF), and the tangent against the adjoint. Prints the loss decrease and exits 1
 * on a failed check. Run: make run NP=4 (mpirun; see README). */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <string.h>
#include <adc_check.h>
#include <adc_optim.h>
#include "heat.h"
#include "heat_ad.h"

#define CHECK_TOL 1e-6
#define SERIAL_TOL 1e-10
#define FIT_TOL 1e-4

static const double truth[PARAMS] = {0.8, 1.5, 0.4};

typedef struct slice {
    int first, m, rank, gradients;
    double obs[MAX_LOCAL], seconds;
} slice;

static double misfit_fg(const double *p, double *g, void *ctx) {
    slice *s = ctx;
    double t0 = MPI_Wtime(), mine[PARAMS] = {0};
    double f = heat_misfit_adjoint(p, mine, s->first, s->m, s->obs, MPI_COMM_WORLD, s->rank == 0 ? 1.0 : 0.0);
    MPI_Allreduce(mine, g, PARAMS, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    s->seconds += MPI_Wtime() - t0;
    s->gradients++;
    return f;
}

static double misfit_f(const double *p, void *ctx) {
    slice *s = ctx;
    return heat_misfit(p, s->first, s->m, s->obs, MPI_COMM_WORLD);
}

/* Rank 0: the largest relative difference between g and the gradient of one process
 * computing the whole rod. */
static double serial_difference(const double *p, const double *g) {
    static double obs[CELLS];
    double gs[PARAMS] = {0}, worst = 0.0;
    heat_run(truth, 0, CELLS, obs, MPI_COMM_SELF);
    heat_misfit_adjoint(p, gs, 0, CELLS, obs, MPI_COMM_SELF, 1.0);
    for (int j = 0; j < PARAMS; j++)
        worst = fmax(worst, fabs(g[j] - gs[j]) / fmax(fabs(gs[j]), 1e-300));
    return worst;
}

/* <J v, 1> by the tangent against <v, J^T 1> by the gradient. */
static double dot_test(const double *p, const double *g, const slice *s) {
    double v[PARAMS] = {0.3, -0.7, 0.45}, f_d = 0.0, dot = 0.0;
    heat_misfit_tangent(p, v, s->first, s->m, s->obs, MPI_COMM_WORLD, &f_d);
    for (int j = 0; j < PARAMS; j++)
        dot += v[j] * g[j];
    return fabs(f_d - dot) / fmax(fabs(dot), 1e-300);
}

static int print_progress(const adc_progress *p, void *ctx) {
    if (*(const int *)ctx == 0)
        printf("  iteration %2d  misfit %.6e  |g| %.3e  kappa %.6f  amplitude %.6f  center %.6f\n", p->iteration,
               p->f, p->grad_norm, p->x[0], p->x[1], p->x[2]);
    return 0;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    slice s = {0};
    int ranks, failed = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &s.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    s.first = CELLS * s.rank / ranks;
    s.m = CELLS * (s.rank + 1) / ranks - s.first;
    heat_run(truth, s.first, s.m, s.obs, MPI_COMM_WORLD);

    double p[PARAMS] = {0.5, 1.0, 0.5}, g[PARAMS];
    double f0 = misfit_fg(p, g, &s);
    adc_check_result check;
    int fd_status = adc_check_gradient(PARAMS, p, g, misfit_f, &s, CHECK_TOL, &check, NULL);
    double dot = dot_test(p, g, &s);
    if (s.rank == 0) {
        double serial = serial_difference(p, g);
        printf("%d ranks, %d cells, %d steps: gradient vs finite differences %.1e %s, vs one process %.1e %s, "
               "tangent vs adjoint %.1e %s\n", ranks, CELLS, STEPS, check.max_error,
               fd_status == ADC_CHECK_PASS ? "ok" : "FAIL", serial, serial <= SERIAL_TOL ? "ok" : "FAIL", dot,
               dot <= SERIAL_TOL ? "ok" : "FAIL");
        failed |= fd_status != ADC_CHECK_PASS || !(serial <= SERIAL_TOL) || !(dot <= SERIAL_TOL);
    }

    adc_lbfgs_options opts = adc_lbfgs_defaults();
    opts.common.max_iterations = 60;
    opts.common.gtol = 1e-12;
    opts.common.progress = print_progress;
    opts.common.progress_ctx = &s.rank;
    adc_optim_result result;
    s.gradients = 0;
    s.seconds = 0.0;
    adc_lbfgs(PARAMS, p, misfit_fg, &s, &opts, &result);
    double seconds;
    MPI_Allreduce(&s.seconds, &seconds, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    if (s.rank == 0) {
        double error = 0.0;
        for (int j = 0; j < PARAMS; j++)
            error = fmax(error, fabs(p[j] - truth[j]));
        printf("misfit %.6e -> %.6e after %d iterations; parameters off the truth by %.1e %s\n", f0, result.f,
               result.iterations, error, error <= FIT_TOL ? "ok" : "FAIL");
        printf("wall time per gradient (adjoint with halo exchanges + MPI_Allreduce): %.2f ms\n",
               1e3 * seconds / s.gradients);
        failed |= !(error <= FIT_TOL);
    }
    MPI_Bcast(&failed, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return failed;
}
