// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: status_read_in_loop.c:18:13: error: in reverse mode, 'MPI_Recv' may rewrite the integers '&status' points to, which the backward sweep reads, and adc cannot undo its writes; give it a copy of them
/* Rank 0 receives the partials from MPI_ANY_SOURCE and weighs each by its sender, read from
 * the status in the loop. The backward sweep read status.MPI_SOURCE as the last receive left
 * it, for every receive: a silently wrong gradient on 3 ranks and more. */
#include <mpi.h>

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double part = x[0] * x[0] * n, total = part;
    if (rank == 0) {
        for (int k = 1; k < size; k++) {
            double got;
            MPI_Status status;
            MPI_Recv(&got, 1, MPI_DOUBLE, MPI_ANY_SOURCE, 7, MPI_COMM_WORLD, &status);
            total += (1.0 + status.MPI_SOURCE) * got * got;
        }
    } else {
        MPI_Send(&part, 1, MPI_DOUBLE, 0, 7, MPI_COMM_WORLD);
    }
    return total;
}
