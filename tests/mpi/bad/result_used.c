// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: result_used.c:8:14: error: adc differentiates 'MPI_Bcast' as a statement of its own: its result (the error code) cannot be used
#include <mpi.h>

double f(const double *x, int n) {
    double p = x[0] * n;
    int rc = MPI_Bcast(&p, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return rc == MPI_SUCCESS ? p : 0.0;
}
