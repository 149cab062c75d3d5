/* Allreduce of a dot product: each rank's share of sum w_g x_g^2, summed, then a
 * nonlinear function of the sum (the same on every rank). */
#include <math.h>
#include <mpi.h>

double f(const double *x, int n) {
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += (1.0 + 0.1 * (rank * n + i)) * x[i] * x[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sin(sum) + sum * sum;
}

double f_serial(const double *x, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += (1.0 + 0.1 * i) * x[i] * x[i];
    return sin(sum) + sum * sum;
}
