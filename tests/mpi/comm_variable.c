/* The communicator in a local variable (`MPI_Comm comm = MPI_COMM_WORLD;`, as most codes
 * write it) handed to helpers: a dot product by MPI_Allreduce and a periodic neighbour shift
 * by MPI_Sendrecv. (Before, the adjoint declared comm at the top of each sweep as
 * `... *comm = ompi_mpi_comm_world;`, a struct for a pointer: the file did not compile.) */
#include <math.h>
#include <mpi.h>

static double global_dot(const double *a, const double *b, int n, MPI_Comm comm) {
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += a[i] * b[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, comm);
    return sum;
}

double f(const double *x, int n) {
    MPI_Comm comm = MPI_COMM_WORLD;
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    double s[3], from_left = 0;
    for (int i = 0; i < n; i++)
        s[i] = sin(x[i]);
    MPI_Sendrecv(&s[n - 1], 1, MPI_DOUBLE, (rank + 1) % size, 0, &from_left, 1, MPI_DOUBLE,
                 (rank + size - 1) % size, 0, comm, MPI_STATUS_IGNORE);
    double d = global_dot(s, x, n, comm);
    return d * d + from_left * global_dot(x, x, n, comm);
}

double f_serial(const double *x, int n) { /* the value on rank 0, whose left is the last rank */
    double d = 0, xx = 0;
    for (int g = 0; g < n; g++) {
        d += sin(x[g]) * x[g];
        xx += x[g] * x[g];
    }
    return d * d + sin(x[n - 1]) * xx;
}
