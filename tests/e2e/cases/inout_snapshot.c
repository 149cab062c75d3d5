/* An array parameter written in loops is taped whole on entry and restored at the end of the
 * backward sweep; its writes are taped one by one only when the backward sweep reads what they
 * overwrite: here u[i] -= 0.1 sin(u[i]) u[i+1] reads u, so every write is also taped. Checks
 * the Jacobian both ways (finite differences, dot-product test) and that f_adjoint leaves u as
 * it was on entry. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n))
void nonlinear_steps(int n, double *u)
{
    for (int step = 0; step < 20; step++)
        for (int i = 0; i + 1 < n; i++)
            u[i] = u[i] - 0.1 * sin(u[i]) * u[i + 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#include <string.h>

void nonlinear_steps_tangent(int n, double *u, double *u_d);
void nonlinear_steps_adjoint(int n, double *u, double *u_b);

#define N 7

static void primal(const double *x, double *y, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    nonlinear_steps(N, y);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    memcpy(jv, v, N * sizeof *jv);
    nonlinear_steps_tangent(N, y, jv);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, sizeof u);
    memcpy(jtw, w, N * sizeof *jtw);
    nonlinear_steps_adjoint(N, u, jtw);
    e2e_expect_close("nonlinear_steps", "f_adjoint leaves u as on entry", u, x, N, 0.0);
}

int main(void) {
    e2e_begin("inout_snapshot");
    double u[N];
    e2e_fill(u, N, 71u, 0.2, 1.5);
    e2e_vector s = {.label = "nonlinear_steps", .n = N, .m = N, .x = u, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
