// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: irecv_heap.c:11:15: error: in reverse mode, the buffer of MPI_Irecv must lie in a local array or variable or a pointer parameter the function does not move (not heap memory or a pointer variable)
#include <mpi.h>
#include <stdlib.h>

double f(const double *x, int n) {
    double *got = malloc(sizeof(double) * (size_t)n);
    MPI_Request r[2];
    MPI_Isend(x, n, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, &r[0]);
    MPI_Irecv(got, n, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD, &r[1]);
    MPI_Waitall(2, r, MPI_STATUSES_IGNORE);
    double s = got[0] * got[0];
    free(got);
    return s;
}
