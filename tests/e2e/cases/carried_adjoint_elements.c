/* Backward trips handing an adjoint element on in locals (analysis/carry.c): in-place sweeps
 * whose trips touch u[i] and u[i + 1] or u[i - 1], linear (nothing taped: heat) and with
 * products that tape u, and sweeps with no trip or one (n = 1, n = 2). The two loops going up
 * hold the element a trip shares with the previous one in a local and store it once; the two
 * going down (not counting loops in adc's normal form: their trips are taped) are there to
 * interleave with them. Finite differences and the dot-product test. */
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n))
void sweeps(int n, double *u, double r)
{
    for (int step = 0; step < 3; step++) {
        double left = u[0];
        for (int i = 1; i < n - 1; i++) { /* up, u[i] and u[i + 1] (heat) */
            double centre = u[i];
            u[i] = centre + r * (left - 2.0 * centre + u[i + 1]);
            left = centre;
        }
        for (int i = 1; i < n; i++) /* up, u[i] and u[i - 1] */
            u[i] = u[i] - r * u[i - 1] * u[i];
        for (int i = n - 2; i >= 0; i--) /* down, u[i] and u[i + 1] */
            u[i] = u[i] + r * u[i + 1];
        for (int i = n - 1; i > 0; i--) /* down, u[i] and u[i - 1] */
            u[i] = 0.5 * u[i] + r * u[i - 1] * u[i - 1];
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#include <string.h>

void sweeps_tangent(int n, double *u, double *u_d, double r);
void sweeps_adjoint(int n, double *u, double *u_b, double r);

#define N 9
static int n = N;

static void primal(const double *x, double *y, void *p) {
    (void)p;
    memcpy(y, x, (size_t)n * sizeof *y);
    sweeps(n, y, 0.3);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, x, (size_t)n * sizeof *y);
    memcpy(jv, v, (size_t)n * sizeof *jv);
    sweeps_tangent(n, y, jv, 0.3);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, (size_t)n * sizeof *u);
    memcpy(jtw, w, (size_t)n * sizeof *jtw);
    sweeps_adjoint(n, u, jtw, 0.3);
}

int main(void) {
    e2e_begin("carried_adjoint_elements");
    double u[N];
    for (int i = 0; i < N; i++)
        u[i] = 0.2 + 0.05 * i - 0.01 * i * i;
    e2e_vector s = {.label = "sweeps n=9", .n = N, .m = N, .x = u, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    n = 1; /* no trip in any inner loop: the first and last elements are not touched */
    e2e_vector one = {.label = "sweeps n=1", .n = 1, .m = 1, .x = u, .f = primal,
                      .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&one);
    n = 2; /* one trip in three of the four */
    e2e_vector two = {.label = "sweeps n=2", .n = 2, .m = 2, .x = u, .f = primal,
                      .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&two);
    return e2e_finish();
}
#endif
