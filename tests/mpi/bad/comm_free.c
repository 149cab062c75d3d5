// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: comm_free.c:15:5: error: 'MPI_Comm_free' is not supported in reverse mode: the backward sweep communicates on the communicator after the function has returned; free it after calling the derivative
/* A communicator split and freed inside the differentiated function: the backward sweep's
 * MPI_Allreduce ran on the freed communicator (a crash). */
#include <mpi.h>

double f(const double *x, int n) {
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm group;
    MPI_Comm_split(MPI_COMM_WORLD, rank % 2, rank, &group);
    double part = x[0] * x[0] * n, sum = 0;
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, group);
    MPI_Comm_free(&group);
    return sum;
}
