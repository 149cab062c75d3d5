/* Receives given room for more than is sent (legal MPI: the status tells how many arrived):
 * MPI_Sendrecv into 8 elements of which 3 arrive, counted by MPI_Get_count, and MPI_Irecv of
 * up to 8 completed by MPI_Waitall. The element past what arrives holds an active value
 * that the receive leaves alone. (Before, the backward sweep sent back the adjoints of all
 * 8 elements and the sender's reversal, expecting 3, stopped with MPI_ERR_TRUNCATE; the
 * adjoint of the untouched element would have been zeroed.) */
#include <math.h>
#include <mpi.h>

#define ROOM 8

double f(const double *x, int n) {
    int rank, size, got = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int left = (rank + size - 1) % size, right = (rank + 1) % size;
    double squares[3], sines[3], theirs[ROOM], ext[ROOM];
    MPI_Status status;
    MPI_Request requests[2];
    for (int i = 0; i < n; i++) {
        squares[i] = x[i] * x[i];
        sines[i] = sin(x[i]);
    }
    theirs[n] = 2 * x[0];
    MPI_Sendrecv(squares, n, MPI_DOUBLE, right, 0, theirs, ROOM, MPI_DOUBLE, left, 0, MPI_COMM_WORLD, &status);
    MPI_Get_count(&status, MPI_DOUBLE, &got);
    MPI_Irecv(ext, ROOM, MPI_DOUBLE, right, 1, MPI_COMM_WORLD, &requests[0]);
    MPI_Isend(sines, n, MPI_DOUBLE, left, 1, MPI_COMM_WORLD, &requests[1]);
    MPI_Waitall(2, requests, MPI_STATUSES_IGNORE);
    double part = theirs[n] * theirs[n], sum = 0;
    for (int i = 0; i < got; i++)
        part += x[i] * theirs[i] + ext[i] * x[i] * x[i];
    MPI_Allreduce(&part, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return sum;
}

double f_serial(const double *x, int n) {
    double sum = 0;
    for (int g = 0; g < n; g++) {
        int block = g - g % 3;
        double from_left = x[(g + n - 3) % n], from_right = x[(g + 3) % n];
        sum += x[g] * from_left * from_left + sin(from_right) * x[g] * x[g];
        if (g == block)
            sum += 4 * x[g] * x[g];
    }
    return sum;
}
