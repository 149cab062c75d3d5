// ARGS: --function f --wrt x --len x=n
// EXIT: 1
// ERROR: allreduce_max.c:10:47: error: adc differentiates 'MPI_Allreduce' only with MPI_SUM, not 'MPI_MAX' (the derivative of a maximum or minimum needs the rank holding it)
#include <mpi.h>

double f(const double *x, int n) {
    double part = 0, top = 0;
    for (int i = 0; i < n; i++)
        part += x[i] * x[i];
    MPI_Allreduce(&part, &top, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return top;
}
