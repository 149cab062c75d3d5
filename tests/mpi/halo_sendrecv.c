/* Halo exchange with MPI_Sendrecv: explicit steps of a nonlinear heat equation on a rod
 * split across the ranks (the rod's ends fixed: MPI_PROC_NULL beyond them, whose receives
 * leave the ghost cell alone), then an Allreduce of the sum of cubes of the final state. */
#include <mpi.h>

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int left = rank > 0 ? rank - 1 : MPI_PROC_NULL, right = rank < size - 1 ? rank + 1 : MPI_PROC_NULL;
    double u[8], next[8];
    u[0] = 0.5;
    u[n + 1] = 0.25;
    for (int i = 0; i < n; i++)
        u[i + 1] = x[i];
    for (int step = 0; step < 3; step++) {
        MPI_Sendrecv(&u[n], 1, MPI_DOUBLE, right, 0, &u[0], 1, MPI_DOUBLE, left, 0, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        MPI_Sendrecv(&u[1], 1, MPI_DOUBLE, left, 1, &u[n + 1], 1, MPI_DOUBLE, right, 1, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        for (int i = 1; i <= n; i++)
            next[i] = u[i] + 0.2 * (u[i - 1] - 2 * u[i] + u[i + 1]) + 0.05 * u[i] * u[i];
        for (int i = 1; i <= n; i++)
            u[i] = next[i];
    }
    double part = 0, sum = 0;
    for (int i = 1; i <= n; i++)
        part += u[i] * u[i] * u[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum;
}

double f_serial(const double *x, int n) {
    double u[64], next[64];
    u[0] = 0.5;
    u[n + 1] = 0.25;
    for (int i = 0; i < n; i++)
        u[i + 1] = x[i];
    for (int step = 0; step < 3; step++) {
        for (int i = 1; i <= n; i++)
            next[i] = u[i] + 0.2 * (u[i - 1] - 2 * u[i] + u[i + 1]) + 0.05 * u[i] * u[i];
        for (int i = 1; i <= n; i++)
            u[i] = next[i];
    }
    double sum = 0;
    for (int i = 1; i <= n; i++)
        sum += u[i] * u[i] * u[i];
    return sum;
}
