/* A ring with MPI_Irecv, MPI_Isend and MPI_Waitall: each rank sends sin of its block to the
 * next rank and weighs its own block by what the previous one sent; Allreduce sums. */
#include <math.h>
#include <mpi.h>

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double mine[3], theirs[3];
    MPI_Request requests[2];
    for (int i = 0; i < n; i++)
        mine[i] = sin(x[i]);
    MPI_Irecv(theirs, n, MPI_DOUBLE, (rank + size - 1) % size, 7, MPI_COMM_WORLD, &requests[0]);
    MPI_Isend(mine, n, MPI_DOUBLE, (rank + 1) % size, 7, MPI_COMM_WORLD, &requests[1]);
    MPI_Waitall(2, requests, MPI_STATUSES_IGNORE);
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += x[i] * theirs[i] * theirs[i] + 0.5 * x[i] * x[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum;
}

double f_serial(const double *x, int n) {
    double sum = 0;
    for (int g = 0; g < n; g++) {
        double theirs = sin(x[(g + n - 3) % n]); /* the previous rank's block of 3 */
        sum += x[g] * theirs * theirs + 0.5 * x[g] * x[g];
    }
    return sum;
}
