// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: ssend_constant.c:9:9: error: adc does not differentiate 'MPI_Ssend': of point-to-point MPI it differentiates MPI_Send, MPI_Recv, MPI_Sendrecv, MPI_Isend and MPI_Irecv on double or float data, completed by MPI_Wait or MPI_Waitall (the other side's derivative messages must pair with these)
#include <mpi.h>

double f(const double *x, int n, int rank) {
    double table[2] = {1.0, 2.0}, got[2] = {0.0, 0.0};
    if (rank == 0) /* constants: not active, yet the receiver's MPI_Recv expects derivatives too */
        MPI_Ssend(table, 2, MPI_DOUBLE, 1, 0, MPI_COMM_WORLD);
    else
        MPI_Recv(got, 2, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return got[0] * x[0] + x[n - 1];
}
