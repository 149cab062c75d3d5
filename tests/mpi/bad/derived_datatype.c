// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: derived_datatype.c:11:20: error: adc differentiates 'MPI_Send' on double or float buffers (not void *) with the datatype MPI_DOUBLE or MPI_FLOAT matching them, not 'pair' (derived datatypes are not supported)
#include <mpi.h>

double f(const double *x, int n) {
    MPI_Datatype pair;
    MPI_Type_contiguous(2, MPI_DOUBLE, &pair);
    MPI_Type_commit(&pair);
    double y[2] = {x[0] * x[0], x[n - 1]};
    MPI_Send(y, 1, pair, 1, 0, MPI_COMM_WORLD);
    return y[0];
}
