// ARGS: --function f --wrt x --len x=n --modes hvp
// EXIT: 1
// ERROR: second_order.c:11:5: error: modes hvp and hessian do not support MPI communication of floating data (in 'f' or a function it calls); ask for first order only (tangent, adjoint, grad)
#include <mpi.h>

double f(const double *x, int n) {
    double part = 0, sum = 0;
    for (int i = 0; i < n; i++)
        part += x[i] * x[i];
    /* the next line is reported */
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum * sum;
}
