// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: datatype_mismatch.c:9:22: error: adc differentiates 'MPI_Bcast' on double or float buffers (not void *) with the datatype MPI_DOUBLE or MPI_FLOAT matching them, not 'MPI_FLOAT' (derived datatypes are not supported)
#include <mpi.h>

double f(const double *x, int n) {
    double p = x[0];
    (void)n;
    MPI_Bcast(&p, 1, MPI_FLOAT, 0, MPI_COMM_WORLD);
    return p * p;
}
