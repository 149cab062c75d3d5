/* harness.c: the main of every MPI test case (tests/mpi/NAME.c). The case defines f (the
 * distributed function of each rank's NLOC elements of x: MPI inside, the global value on
 * rank 0) and f_serial (the same function of the whole x, no MPI); adc gives
 * f_tangent, f_adjoint and f_serial_grad. Checked on rank 0, over all ranks' gradients:
 * the adjoint (seed 1 on rank 0) against central differences of f and against
 * f_serial_grad, f against f_serial, and the dot test <J v, 1> = <v, J^T 1> (tangent vs adjoint). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <mpi.h>

#define NLOC 3

double f(const double *x, int n);
double f_serial(const double *x, int n);
double f_tangent(const double *x, const double *x_d, int n, double *f_d);
double f_adjoint(const double *x, double *x_b, int n, double f_b);
double f_serial_grad(const double *x, int n, double *x_grad);

static int close_to(const char *what, double got, double want, double tol) {
    int ok = fabs(got - want) <= tol * (1.0 + fabs(want));
    if (!ok)
        printf("FAIL %s: %.15g, expected %.15g\n", what, got, want);
    return ok;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int N = NLOC * size, ok = 1;
    double x[NLOC], x_b[NLOC] = {0}, v[NLOC], xp[NLOC];
    double *all = malloc(sizeof(double) * (size_t)N), *grad = malloc(sizeof(double) * (size_t)N);
    double *serial = malloc(sizeof(double) * (size_t)N);
    for (int i = 0; i < NLOC; i++) {
        int g = rank * NLOC + i;
        x[i] = 0.4 + 0.3 * sin(1.7 * g + 0.2);
        v[i] = cos(0.9 * g + 0.5);
    }
    double value = f_adjoint(x, x_b, NLOC, rank == 0 ? 1.0 : 0.0);
    MPI_Gather(x_b, NLOC, MPI_DOUBLE, grad, NLOC, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    MPI_Gather(x, NLOC, MPI_DOUBLE, all, NLOC, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        ok &= close_to("value against f_serial", value, f_serial(all, N), 1e-12);
        double serial_value = f_serial_grad(all, N, serial);
        ok &= close_to("f_serial_grad's value", serial_value, value, 1e-12);
    }
    for (int g = 0; g < N; g++) { /* every rank runs f; the owner of x[g] moves it */
        double h = 1e-6, fd[2];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < NLOC; i++)
                xp[i] = x[i];
            if (g / NLOC == rank)
                xp[g % NLOC] += s ? -h : h;
            fd[s] = f(xp, NLOC);
        }
        if (rank == 0) {
            char what[64];
            snprintf(what, sizeof what, "gradient %d against FD", g);
            ok &= close_to(what, grad[g], (fd[0] - fd[1]) / (2 * h), 1e-6);
            snprintf(what, sizeof what, "gradient %d against serial", g);
            ok &= close_to(what, grad[g], serial[g], 1e-11);
        }
    }
    double f_d = 0, local = 0, dot = 0;
    f_tangent(x, v, NLOC, &f_d);
    for (int i = 0; i < NLOC; i++)
        local += v[i] * x_b[i];
    MPI_Reduce(&local, &dot, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        ok &= close_to("dot test <J v, 1> = <v, J^T 1>", f_d, dot, 1e-12);
        printf("%s on %d ranks: f = %.12g, |grad| checked at %d points, dot %.12g = %.12g\n", ok ? "ok" : "FAILED",
               size, value, N, f_d, dot);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    free(all);
    free(grad);
    free(serial);
    MPI_Finalize();
    return ok ? 0 : 1;
}
