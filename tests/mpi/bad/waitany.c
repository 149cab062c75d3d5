// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: waitany.c:13:5: error: adc does not differentiate 'MPI_Waitany': of point-to-point MPI it differentiates MPI_Send, MPI_Recv, MPI_Sendrecv, MPI_Isend and MPI_Irecv on double or float data, completed by MPI_Wait or MPI_Waitall (the other side's derivative messages must pair with these)
#include <mpi.h>

double f(const double *x, int n) {
    double got[4];
    int which;
    MPI_Request r[2];
    MPI_Irecv(got, n, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, &r[0]);
    MPI_Isend(x, n, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, &r[1]);
    MPI_Waitany(2, r, &which, MPI_STATUS_IGNORE);
    MPI_Waitany(2, r, &which, MPI_STATUS_IGNORE);
    return got[0] * x[0];
}
