/* The ring of ring_isend.c with its communication in a helper: MPI_Irecv into a pointer
 * parameter (the backward sweep finds its adjoint from the parameter's), the element one on:
 * the buffer lies at an offset in its root; MPI_Wait on each request in the order posted. */
#include <math.h>
#include <mpi.h>

void exchange(const double *mine, double *theirs, int n, int rank, int size) {
    MPI_Request requests[2];
    MPI_Irecv(theirs + 1, n, MPI_DOUBLE, (rank + size - 1) % size, 7, MPI_COMM_WORLD, &requests[0]);
    MPI_Isend(mine, n, MPI_DOUBLE, (rank + 1) % size, 7, MPI_COMM_WORLD, &requests[1]);
    MPI_Wait(&requests[0], MPI_STATUS_IGNORE);
    MPI_Wait(&requests[1], MPI_STATUS_IGNORE);
}

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double mine[3], theirs[4] = {0.25, 0, 0, 0};
    for (int i = 0; i < n; i++)
        mine[i] = sin(x[i]);
    exchange(mine, theirs, n, rank, size);
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += x[i] * theirs[i + 1] * theirs[i + 1] + theirs[0] * x[i] * x[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum;
}

double f_serial(const double *x, int n) {
    double sum = 0;
    for (int g = 0; g < n; g++) {
        double theirs = sin(x[(g + n - 3) % n]); /* the previous rank's block of 3 */
        sum += x[g] * theirs * theirs + 0.25 * x[g] * x[g];
    }
    return sum;
}
