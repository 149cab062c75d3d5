/* In-out array updated in place: void heat_step(int n, double *u, double dt), 300 explicit steps of u_t = u_xx + u(1-u) with a scalar carry of the overwritten left neighbour; u_d updated in place, u_b seed in / adjoint of the entry value out; dot-product test. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n))
void heat_step(int n, double *u, double dt)
{
    double r = dt * (n - 1) * (n - 1);
    for (int step = 0; step < 300; step++) {
        double left = u[0];
        for (int i = 1; i < n - 1; i++) {
            double centre = u[i];
            u[i] = centre + r * (left - 2.0 * centre + u[i + 1]) + dt * centre * (1.0 - centre);
            left = centre;
        }
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#include <string.h>

void heat_step_tangent(int n, double *u, double *u_d, double dt);
void heat_step_adjoint(int n, double *u, double *u_b, double dt);

#define N 12
static const double dt = 0.003; /* r = dt (n-1)^2 = 0.363 < 1/2: stable */

static void primal(const double *x, double *y, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    heat_step(N, y, dt);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    memcpy(jv, v, N * sizeof *jv);
    heat_step_tangent(N, y, jv, dt);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, sizeof u);
    memcpy(jtw, w, N * sizeof *jtw);
    heat_step_adjoint(N, u, jtw, dt);
}

int main(void) {
    e2e_begin("inout_heat");
    double u[N];
    for (int i = 0; i < N; i++) {
        double s = (double)i / (N - 1);
        u[i] = 0.2 + 0.6 * sin(3.14159265358979 * s) + 0.1 * s;
    }
    e2e_vector s = {.label = "heat_step", .n = N, .m = N, .x = u, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
