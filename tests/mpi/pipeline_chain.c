/* A pipeline of blocking MPI_Recv and MPI_Send: a value is carried through every rank's
 * block in turn, then the last rank broadcasts it (MPI_Bcast from a root other than 0). */
#include <math.h>
#include <mpi.h>

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double carry = 1.0;
    if (rank > 0)
        MPI_Recv(&carry, 1, MPI_DOUBLE, rank - 1, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    for (int i = 0; i < n; i++)
        carry = carry * cos(x[i]) + x[i] * x[i];
    if (rank < size - 1)
        MPI_Send(&carry, 1, MPI_DOUBLE, rank + 1, 3, MPI_COMM_WORLD);
    MPI_Bcast(&carry, 1, MPI_DOUBLE, size - 1, MPI_COMM_WORLD);
    return carry;
}

double f_serial(const double *x, int n) {
    double carry = 1.0;
    for (int g = 0; g < n; g++)
        carry = carry * cos(x[g]) + x[g] * x[g];
    return carry;
}
