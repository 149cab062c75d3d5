/* MPI_Reduce of a loss to rank 0, which alone goes on with it (the other ranks return 1). */
#include <math.h>
#include <mpi.h>

double f(const double *x, int n) {
    double part = 0, loss = 0;
    for (int i = 0; i < n; i++)
        part += exp(0.3 * x[i]) * x[i];
    MPI_Reduce(&part, &loss, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    return loss * loss + cos(loss);
}

double f_serial(const double *x, int n) {
    double loss = 0;
    for (int g = 0; g < n; g++)
        loss += exp(0.3 * x[g]) * x[g];
    return loss * loss + cos(loss);
}
