// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: gather_unsupported.c:9:5: error: adc does not differentiate 'MPI_Gather': of MPI it differentiates MPI_Send, MPI_Recv, MPI_Sendrecv, MPI_Isend, MPI_Irecv, MPI_Wait, MPI_Waitall, MPI_Bcast, MPI_Reduce and MPI_Allreduce (README, MPI)
#include <mpi.h>

double f(const double *x, int n) {
    double all[64];
    (void)n;
    MPI_Gather(x, 2, MPI_DOUBLE, all, 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return all[0] * all[1];
}
