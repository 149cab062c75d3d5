/* A definition the backward sweep recomputes (x in the loop) reads a local assigned once
 * before the loop (dx): dx must travel to the backward sweep (before the fix the adjoint
 * recomputed x from dx = 0 and the gradient in p[1], p[2] was wrong); closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(p), len(p: 3))
double recompute_reads_local(const double *p, int m)
{
    double u[16];
    double dx = 1.0 / m, s = 0.0;
    for (int i = 0; i < m; i++) {
        double x = (i + 0.5) * dx;
        u[i] = p[1] * exp(-(x - p[2]) * (x - p[2]) / p[0]);
    }
    for (int i = 0; i < m; i++)
        s += u[i] * u[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double recompute_reads_local_tangent(const double *p, const double *p_d, int m, double *f_d);
double recompute_reads_local_adjoint(const double *p, double *p_b, int m, double f_b);
double recompute_reads_local_grad(const double *p, int m, double *p_grad);

static double primal(const double *p, void *m) {
    return recompute_reads_local(p, *(int *)m);
}
static double grad(const double *p, double *g, void *m) {
    return recompute_reads_local_grad(p, *(int *)m, g);
}
static double tangent(const double *p, const double *v, double *dv, void *m) {
    return recompute_reads_local_tangent(p, v, *(int *)m, dv);
}
static double adjoint(const double *p, double *pb, double seed, void *m) {
    return recompute_reads_local_adjoint(p, pb, *(int *)m, seed);
}

int main(void) {
    e2e_begin("recompute_reads_local");
    int m = 8;
    const double p[3] = {0.05, 1.3, 0.4};
    e2e_scalar s = {.label = "recompute_reads_local", .n = 3, .x = p, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &m};
    double g[3];
    e2e_run_scalar(&s, g);
    /* Closed form: s = sum a^2 e^(-2 (x - c)^2 / w), so ds/da = 2 s / a. */
    e2e_expect_value(s.label, "ds/d amplitude vs closed form", g[1], 2.0 * recompute_reads_local(p, m) / p[1], 1e-12);
    return e2e_finish();
}
#endif
