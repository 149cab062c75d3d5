/* Benchmark driver: heat equation (bench/objectives/heat.c), 100 cells, 10^4 steps. The
 * state is updated in place, so every call starts from a fresh copy of the initial state. */
#include <math.h>
#include <string.h>
#include "bench.h"
#include "heat.h"
#include "heat_ad.h"
#include "adolc_bench.h"
#include "enzyme_bench.h"

enum { N = 100, NSTEPS = 10000 };
static const double R = 0.4; /* dt/dx^2: stable */
static double u[N];

static double primal(const double *u0, void *v) {
    (void)v;
    memcpy(u, u0, sizeof u);
    return heat_energy(N, NSTEPS, R, u);
}
static double grad(const double *u0, double *g, void *v) {
    (void)v;
    memcpy(u, u0, sizeof u);
    return heat_energy_grad(N, NSTEPS, R, u, g);
}
static double fwdrev(const double *u0, double *g, void *v, adc_tape *t) {
    (void)v;
    memcpy(u, u0, sizeof u);
    memset(g, 0, sizeof(double) * N);
    double f = heat_energy_forward(t, N, NSTEPS, R, u);
    heat_energy_reverse(t, N, NSTEPS, R, u, g, 1.0);
    return f;
}
static double adolc(const double *u0, double *g, void *v, size_t *bytes) {
    (void)v;
    return heat_adolc_grad(N, NSTEPS, R, u0, g, bytes);
}
static double adolc_reuse(const double *u0, double *g, void *v) {
    (void)v;
    return heat_adolc_reuse(N, u0, g);
}
static double enzyme(const double *u0, double *g, void *v, int primal_return) {
    (void)v;
    memcpy(u, u0, sizeof u);
    return heat_energy_enzyme(primal_return, N, NSTEPS, R, u, g);
}

int main(void) {
    static double u0[N];
    for (int i = 0; i < N; i++) {
        double s = (double)i / (N - 1);
        u0[i] = sin(3.14159265358979 * s) + 0.3 * sin(7.0 * s) * s;
    }
    bench_case bc = {"heat_n100_10k_steps", N, u0, NULL, primal, grad, fwdrev, adolc,
                     adolc_reuse, 1, heat_energy_enzyme ? enzyme : NULL};
    return bench_run(&bc);
}
