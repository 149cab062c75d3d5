/* main.c: times the gradient of heat.c for T steps with and without checkpointing and
 * prints peak tape bytes; checks both gradients agree. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <adc_tape.h>

#define CELLS 64
double heat_checkpointed(int n, const double *u0, int steps, double dt);
double heat_checkpointed_forward(adc_tape *tape, int n, const double *u0, int steps, double dt);
void heat_checkpointed_reverse(adc_tape *tape, int n, const double *u0, double *u0_b, int steps, double dt, double seed);
double heat_taped_forward(adc_tape *tape, int n, const double *u0, int steps, double dt);
void heat_taped_reverse(adc_tape *tape, int n, const double *u0, double *u0_b, int steps, double dt, double seed);

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
    int steps = argc > 1 ? atoi(argv[1]) : 100000;
    double u0[CELLS], g[2][CELLS] = {{0}};
    for (int i = 0; i < CELLS; i++)
        u0[i] = 0.5 + 0.4 * sin(0.3 * i);
    double t0 = now();
    heat_checkpointed(CELLS, u0, steps, 0.2);
    double primal = now() - t0;
    for (int k = 0; k < 2; k++) {
        adc_tape tape;
        adc_tape_init(&tape);
        t0 = now();
        if (k == 0) {
            heat_checkpointed_forward(&tape, CELLS, u0, steps, 0.2);
            heat_checkpointed_reverse(&tape, CELLS, u0, g[k], steps, 0.2, 1.0);
        } else {
            heat_taped_forward(&tape, CELLS, u0, steps, 0.2);
            heat_taped_reverse(&tape, CELLS, u0, g[k], steps, 0.2, 1.0);
        }
        double t = now() - t0;
        printf("%-13s T=%d: gradient %.3f s (%.1f x primal %.3f s), peak tape %zu bytes\n",
               k == 0 ? "checkpointed" : "fully taped", steps, t, t / primal, primal, adc_tape_peak_bytes(&tape));
        adc_tape_free(&tape);
    }
    double worst = 0;
    for (int i = 0; i < CELLS; i++)
        worst = fmax(worst, fabs(g[0][i] - g[1][i]) / fmax(1e-300, fabs(g[1][i])));
    printf("gradients agree to %.1e (relative)\n", worst);
    return worst < 1e-10 ? 0 : 1;
}
