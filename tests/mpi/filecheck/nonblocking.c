// The shape of MPI derivative code (%I: mpi.h's directory): tangent code calls libadc_mpi's _d
// functions with each buffer followed by its tangent; the forward sweep its _fwd functions
// with the call's arguments (MPI_Irecv also with its buffer's root, numbered); the backward
// sweep the _b functions in reverse order, the wait given the adjoints of those roots.
// RUN: %adc %s --function ring --wrt x --len x=n -- -I%I | %FileCheck %s
#include <mpi.h>

double ring(const double *x, int n, int next, int prev) {
    double got[4], mine[4], s = 0;
    MPI_Request r[2];
    for (int i = 0; i < n; i++)
        mine[i] = x[i] * x[i];
    MPI_Irecv(got, n, MPI_DOUBLE, prev, 5, MPI_COMM_WORLD, &r[0]);
    MPI_Isend(mine, n, MPI_DOUBLE, next, 5, MPI_COMM_WORLD, &r[1]);
    MPI_Waitall(2, r, MPI_STATUSES_IGNORE);
    for (int i = 0; i < n; i++)
        s += got[i] * x[i];
    return s;
}
// CHECK: #include <adc_mpi.h>
// CHECK-LABEL: double ring_tangent({{.*}}) {
// CHECK: adc_mpi_irecv_d(got, got_d, n, MPI_DOUBLE, prev, 5, MPI_COMM_WORLD, &r[0]);
// CHECK-NEXT: adc_mpi_isend_d(mine, mine_d, n, MPI_DOUBLE, next, 5, MPI_COMM_WORLD, &r[1]);
// CHECK-NEXT: adc_mpi_waitall_d(2, r, MPI_STATUSES_IGNORE);
// CHECK-LABEL: double ring_forward({{.*}}) {
// CHECK: adc_mpi_irecv_fwd(got, n, MPI_DOUBLE, prev, 5, MPI_COMM_WORLD, &r[0], 0, got);
// CHECK-NEXT: adc_mpi_isend_fwd(mine, n, MPI_DOUBLE, next, 5, MPI_COMM_WORLD, &r[1]);
// CHECK-NEXT: adc_mpi_waitall_fwd(2, r, MPI_STATUSES_IGNORE);
// CHECK-LABEL: void ring_reverse({{.*}}) {
// CHECK: adc_mpi_waitall_b(1, (void *[]){got_b});
// CHECK: adc_mpi_isend_b(mine_b);
// CHECK: adc_mpi_irecv_b(got, got_b);
