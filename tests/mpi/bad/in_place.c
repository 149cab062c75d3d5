// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: in_place.c:10:19: error: adc does not differentiate 'MPI_Allreduce' with MPI_IN_PLACE: pass separate send and receive buffers
#include <mpi.h>

double f(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    MPI_Allreduce(MPI_IN_PLACE, &s, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return s;
}
