/* Two messages between the same ranks with the same tag, each waited for with MPI_Wait in the
 * order posted: MPI pairs them by order, and so must their reversals. (OpenMPI gives both
 * sends, completed at once, one request handle: libadc_mpi tells them apart by the request's
 * address; before, the adjoint stopped, taking one for the other.) */
#include <mpi.h>

double f(const double *x, int n) {
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    double once[3], twice[3], got[3], s = 0, t = 0;
    MPI_Request r[4];
    int to = (rank + 1) % size, from = (rank + size - 1) % size;
    for (int i = 0; i < n; i++)
        twice[i] = 2.0 * x[i];
    MPI_Irecv(once, n, MPI_DOUBLE, from, 1, MPI_COMM_WORLD, &r[0]);
    MPI_Irecv(got, n, MPI_DOUBLE, from, 1, MPI_COMM_WORLD, &r[1]);
    MPI_Isend(x, n, MPI_DOUBLE, to, 1, MPI_COMM_WORLD, &r[2]);
    MPI_Isend(twice, n, MPI_DOUBLE, to, 1, MPI_COMM_WORLD, &r[3]);
    for (int k = 0; k < 4; k++)
        MPI_Wait(&r[k], MPI_STATUS_IGNORE);
    for (int i = 0; i < n; i++)
        s += once[i] * got[i] * got[i] * x[i];
    MPI_Allreduce(&s, &t, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return t;
}

double f_serial(const double *x, int n) {
    double t = 0;
    for (int g = 0; g < n; g++) {
        double prev = x[(g + n - 3) % n];
        t += prev * (2.0 * prev) * (2.0 * prev) * x[g];
    }
    return t;
}
