/* Mixed in-out and inputs, void result: double *u updated in place by nonlinear Gauss-Seidel sweeps (reads already-updated neighbours), active input array f and active scalar alpha; u_b overwritten, f_b and alpha_b incremented; dot-product test. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(u, f, alpha), len(u: n, f: n))
void relax(int n, double *u, const double *f, double alpha)
{
    for (int sweep = 0; sweep < 20; sweep++) {
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? u[i - 1] : 0.0;
            double right = i + 1 < n ? u[i + 1] : 0.0;
            u[i] += alpha * (f[i] + 0.5 * (left + right) - u[i] - 0.1 * u[i] * u[i] * u[i]);
        }
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#include <string.h>

void relax_tangent(int n, double *u, double *u_d, const double *f, const double *f_d,
                   double alpha, double alpha_d);
void relax_adjoint(int n, double *u, double *u_b, const double *f, double *f_b, double alpha,
                   double *alpha_b);

#define N 6
/* Inputs packed as (u[0..N), f[0..N), alpha); outputs are u[0..N) on return. */
static void primal(const double *x, double *y, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    relax(N, y, x + N, x[2 * N]);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, x, N * sizeof *y);
    memcpy(jv, v, N * sizeof *jv);
    relax_tangent(N, y, jv, x + N, v + N, x[2 * N], v[2 * N]);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double u[N], ub[N], fb[N], alphab = -0.25;
    memcpy(u, x, sizeof u);
    memcpy(ub, w, sizeof ub);
    for (int i = 0; i < N; i++)
        fb[i] = 0.5; /* incremented: subtract what was there */
    relax_adjoint(N, u, ub, x + N, fb, x[2 * N], &alphab);
    for (int i = 0; i < N; i++) {
        jtw[i] = ub[i];
        jtw[N + i] = fb[i] - 0.5;
    }
    jtw[2 * N] = alphab + 0.25;
}

int main(void) {
    e2e_begin("inout_relaxation");
    double x[2 * N + 1];
    e2e_fill(x, N, 111u, -1.0, 1.0);
    e2e_fill(x + N, N, 112u, -1.0, 1.0);
    x[2 * N] = 0.6;
    e2e_vector s = {.label = "relax", .n = 2 * N + 1, .m = N, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
