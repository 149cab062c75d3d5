/* Binomial checkpointing (ADC_CHECKPOINT) of a 2000-step explicit heat/reaction simulation with an in-place state: the gradient equals the fully taped one (1e-12) and finite differences (1e-6), and the peak tape memory stays far below the taped version's. */
#include <math.h>
#include <adc.h>

#define CELLS 16

static void heat_step(int n, double *u, double dt) {
    double left = u[0];
    for (int i = 1; i + 1 < n; i++) {
        double center = u[i];
        u[i] = center + dt * (left - 2.0 * center + u[i + 1]) + dt * 0.1 * sin(center);
        left = center;
    }
}

ADC_DIFF(wrt(u0), len(u0: n), modes(adjoint, grad))
double heat_checkpointed(int n, const double *u0, int steps, double dt) {
    double u[CELLS];
    for (int i = 0; i < n; i++)
        u[i] = u0[i];
    ADC_CHECKPOINT(8)
    for (int t = 0; t < steps; t++)
        heat_step(n, u, dt);
    double energy = 0.0;
    for (int i = 0; i < n; i++)
        energy += u[i] * u[i];
    return energy;
}

ADC_DIFF(wrt(u0), len(u0: n), modes(adjoint, grad))
double heat_taped(int n, const double *u0, int steps, double dt) {
    double u[CELLS];
    for (int i = 0; i < n; i++)
        u[i] = u0[i];
    for (int t = 0; t < steps; t++)
        heat_step(n, u, dt);
    double energy = 0.0;
    for (int i = 0; i < n; i++)
        energy += u[i] * u[i];
    return energy;
}

#ifdef ADC_E2E_MAIN
#include <adc_tape.h>
#include "../e2e.h"

#define STEPS 2000
#define DT 0.2

double heat_checkpointed_grad(int n, const double *u0, int steps, double dt, double *u0_grad);
double heat_taped_grad(int n, const double *u0, int steps, double dt, double *u0_grad);
double heat_checkpointed_forward(adc_tape *tape, int n, const double *u0, int steps, double dt);
void heat_checkpointed_reverse(adc_tape *tape, int n, const double *u0, double *u0_b, int steps, double dt,
                               double heat_checkpointed_b);
double heat_taped_forward(adc_tape *tape, int n, const double *u0, int steps, double dt);
void heat_taped_reverse(adc_tape *tape, int n, const double *u0, double *u0_b, int steps, double dt,
                        double heat_taped_b);

static double primal(const double *u0, void *ctx) {
    (void)ctx;
    return heat_checkpointed(CELLS, u0, STEPS, DT);
}

int main(void) {
    e2e_begin("checkpoint_heat");
    double u0[CELLS], g_cp[CELLS], g_tape[CELLS];
    e2e_fill(u0, CELLS, 5u, 0.0, 1.0);
    double v_cp = heat_checkpointed_grad(CELLS, u0, STEPS, DT, g_cp);
    double v_tape = heat_taped_grad(CELLS, u0, STEPS, DT, g_tape);
    e2e_expect_value("heat", "checkpointed value equals taped value", v_cp, v_tape, E2E_EXACT_TOL);
    e2e_expect_close("heat", "checkpointed gradient equals taped gradient", g_cp, g_tape, CELLS, E2E_EXACT_TOL);
    adc_check_result r;
    int st = adc_check_gradient(CELLS, u0, g_cp, primal, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("heat", "checkpointed gradient vs finite differences", st, &r);

    /* Peak tape memory over a whole forward + backward sweep. */
    size_t peak[2];
    for (int k = 0; k < 2; k++) {
        adc_tape tape;
        adc_tape_init(&tape);
        double b[CELLS] = {0};
        if (k == 0) {
            heat_checkpointed_forward(&tape, CELLS, u0, STEPS, DT);
            heat_checkpointed_reverse(&tape, CELLS, u0, b, STEPS, DT, 1.0);
        } else {
            heat_taped_forward(&tape, CELLS, u0, STEPS, DT);
            heat_taped_reverse(&tape, CELLS, u0, b, STEPS, DT, 1.0);
        }
        peak[k] = adc_tape_peak_bytes(&tape);
        e2e_report(tape.size == 0 && !adc_tape_failed(&tape), "heat", "tape %d is empty after the sweeps", k);
        adc_tape_free(&tape);
    }
    printf("peak tape: checkpointed %zu bytes, taped %zu bytes\n", peak[0], peak[1]);
    e2e_report(peak[0] * 20 < peak[1], "heat", "checkpointing cuts peak tape memory 20-fold (%zu vs %zu)",
               peak[0], peak[1]);
    return e2e_finish();
}
#endif
