// ARGS: --function f --wrt x --len x=n --modes tangent_vector --vector 2
// EXIT: 1
// ERROR: vector_tangent.c:10:5: error: the vector tangent mode does not differentiate MPI calls (use the scalar tangent or reverse mode)
#include <mpi.h>

double f(const double *x, int n) {
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += x[i] * x[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum * sum;
}
