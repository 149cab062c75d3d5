/* heat.c: the code adc differentiates: an explicit heat equation on a rod split across the
 * ranks of comm, each exchanging its edge cells with its neighbours (MPI_Sendrecv) at every
 * step, and the misfit of the final state summed over the ranks (MPI_Allreduce). adc's
 * tangent sends the tangents alongside; its adjoint reverses the communication (libadc_mpi). */
#include <math.h>
#include <adc.h>
#include "heat.h"

void heat_run(const double *p, int first, int m, double *u_final, MPI_Comm comm) {
    int rank, ranks;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &ranks);
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < ranks - 1 ? rank + 1 : MPI_PROC_NULL;
    double u[MAX_LOCAL + 2], next[MAX_LOCAL + 2];
    double dx = 1.0 / CELLS, r = 0.25 * p[0]; /* kappa dt / dx^2 */
    u[0] = 0.0; /* the rod's ends; inside, the neighbours' edge cells */
    u[m + 1] = 0.0;
    for (int i = 0; i < m; i++) {
        double x = (first + i + 0.5) * dx;
        u[i + 1] = p[1] * exp(-(x - p[2]) * (x - p[2]) / 0.01);
    }
    for (int step = 0; step < STEPS; step++) {
        MPI_Sendrecv(&u[m], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0, comm, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[m + 1], 1, MPI_DOUBLE, right, 1, comm, MPI_STATUS_IGNORE);
        for (int i = 1; i <= m; i++)
            next[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        for (int i = 1; i <= m; i++)
            u[i] = next[i];
    }
    for (int i = 0; i < m; i++)
        u_final[i] = u[i + 1];
}

ADC_DIFF(wrt(p), len(p: PARAMS), modes(tangent, adjoint))
double heat_misfit(const double *p, int first, int m, const double *obs, MPI_Comm comm) {
    double u[MAX_LOCAL], part = 0.0, misfit = 0.0;
    heat_run(p, first, m, u, comm);
    for (int i = 0; i < m; i++)
        part += 0.5 / CELLS * (u[i] - obs[i]) * (u[i] - obs[i]);
    MPI_Allreduce(&part, &misfit, 1, MPI_DOUBLE, MPI_SUM, comm);
    return misfit;
}
