/* main.c: the parallel row of bench/run: the primal and the gradient (stencil_energy_grad) of
 * stencil.c at 1 and 2 OpenMP threads, in wall-clock time (median of 7 samples of at least
 * 0.2 s each), after checking that the gradient with 2 threads equals the serial one and
 * central finite differences on a few components. Exit status 1 on a mismatch. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double stencil_energy(int n, const double *u);
double stencil_energy_grad(int n, const double *u, double *u_grad);

enum { N = 512, SAMPLES = 7 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Median wall-clock seconds per call of the primal (grad NULL) or the gradient. */
static double timed(const double *u, double *grad) {
    double per_call[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
        int calls = 0;
        double t0 = now(), t;
        do {
            if (grad)
                stencil_energy_grad(N, u, grad);
            else
                stencil_energy(N, u);
            calls++;
        } while ((t = now() - t0) < 0.2);
        per_call[s] = t / calls;
    }
    for (int i = 1; i < SAMPLES; i++) /* insertion sort: SAMPLES is small */
        for (int j = i; j > 0 && per_call[j - 1] > per_call[j]; j--) {
            double tmp = per_call[j];
            per_call[j] = per_call[j - 1];
            per_call[j - 1] = tmp;
        }
    return per_call[SAMPLES / 2];
}

/* max |a - b| / max |b|. */
static double rel_err(int n, const double *a, const double *b) {
    double diff = 0.0, big = 0.0;
    for (int i = 0; i < n; i++) {
        diff = fmax(diff, fabs(a[i] - b[i]));
        big = fmax(big, fabs(b[i]));
    }
    return diff / big;
}

/* Central differences on every 4099th component, against g. */
static double fd_err(double *u, const double *g) {
    double worst = 0.0;
    for (int k = 7; k < N * N; k += 4099) {
        double keep = u[k], h = 1e-4 * fmax(1.0, fabs(keep));
        u[k] = keep + h;
        double up = stencil_energy(N, u);
        u[k] = keep - h;
        double down = stencil_energy(N, u);
        u[k] = keep;
        worst = fmax(worst, fabs((up - down) / (2 * h) - g[k]) / fmax(1.0, fabs(g[k])));
    }
    return worst;
}

int main(void) {
    double *u = malloc(3 * sizeof(double) * N * N), *serial = u + N * N, *par = serial + N * N;
    if (!u)
        return 1;
    for (int i = 0; i < N * N; i++)
        u[i] = sin(0.001 * i) + 0.3 * cos(0.017 * i);
    double times[2][2];
    for (int threads = 1; threads <= 2; threads++) {
        omp_set_num_threads(threads);
        times[threads - 1][0] = timed(u, NULL);
        times[threads - 1][1] = timed(u, threads == 1 ? serial : par);
    }
    double err_serial = rel_err(N * N, par, serial), err_fd = fd_err(u, serial);
    int bad = !(err_serial <= 1e-12) || !(err_fd <= 1e-6);
    printf("%-22s %7s | %8s %8s %6s | %8s %8s %6s | %8s %8s | %s\n", "openmp objective", "n", "primal1",
           "grad1", "ratio", "primal2", "grad2", "ratio", "speedup", "(grad)", "check");
    printf("%-22s %7d | %7.2fms %7.2fms %6.1f | %7.2fms %7.2fms %6.1f | %7.2fx %7.2fx | %s (2 threads vs 1: %.1e, "
           "FD: %.1e)\n", "stencil_2d_collapse", N * N, 1e3 * times[0][0], 1e3 * times[0][1],
           times[0][1] / times[0][0], 1e3 * times[1][0], 1e3 * times[1][1], times[1][1] / times[1][0],
           times[0][0] / times[1][0], times[0][1] / times[1][1], bad ? "MISMATCH" : "ok", err_serial, err_fd);
    free(u);
    return bad;
}
