/* MPI_Bcast of a parameter: rank 0's first element is broadcast and every rank measures its
 * block's distance to it; Allreduce sums. */
#include <mpi.h>

double f(const double *x, int n) {
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    double p = 0;
    if (rank == 0)
        p = x[0];
    MPI_Bcast(&p, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += (1.0 + 0.1 * (rank * n + i)) * (x[i] - p) * (x[i] - p) * p;
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum + p * p;
}

double f_serial(const double *x, int n) {
    double p = x[0], sum = 0;
    for (int g = 0; g < n; g++)
        sum += (1.0 + 0.1 * g) * (x[g] - p) * (x[g] - p) * p;
    return sum + p * p;
}
