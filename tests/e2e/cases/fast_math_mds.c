/* options(fast_math): the backward sweep of MDS stress L(W) = sum_{i<j} (|W_i - W_j|^2 - D_ij)^2
 * (40 points in 2-D) may reassociate its sums (under clang), the forward sweep may not: the
 * value NAME_grad returns equals the primal bit for bit, the gradient still matches finite
 * differences and the tangent to 1e-12 (dot-product test) and a closed form. */
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(W), len(W: 2 * npts), options(fast_math))
double mds_fast(int npts, const double *W, const double *D)
{
    double L = 0.0;
    for (int i = 0; i < npts; i++)
        for (int j = i + 1; j < npts; j++) {
            double dx = W[2 * i] - W[2 * j];
            double dy = W[2 * i + 1] - W[2 * j + 1];
            double r = dx * dx + dy * dy - D[i * npts + j];
            L += r * r;
        }
    return L;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double mds_fast_tangent(int npts, const double *W, const double *W_d, const double *D, double *mds_fast_d);
double mds_fast_adjoint(int npts, const double *W, double *W_b, const double *D, double mds_fast_b);
double mds_fast_grad(int npts, const double *W, const double *D, double *W_grad);

#define NP 40
static double D[NP * NP];

static double primal(const double *x, void *p) { (void)p; return mds_fast(NP, x, D); }
static double grad(const double *x, double *g, void *p) { (void)p; return mds_fast_grad(NP, x, D, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return mds_fast_tangent(NP, x, v, D, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return mds_fast_adjoint(NP, x, xb, D, seed);
}

int main(void) {
    e2e_begin("fast_math_mds");
    double ref_pts[2 * NP], W[2 * NP], noise[2 * NP], g[2 * NP], want[2 * NP];
    e2e_fill(ref_pts, 2 * NP, 321u, -1.0, 1.0);
    e2e_fill(noise, 2 * NP, 322u, -0.3, 0.3);
    for (int i = 0; i < NP; i++)
        for (int j = 0; j < NP; j++) {
            double dx = ref_pts[2 * i] - ref_pts[2 * j], dy = ref_pts[2 * i + 1] - ref_pts[2 * j + 1];
            D[i * NP + j] = dx * dx + dy * dy;
        }
    for (int k = 0; k < 2 * NP; k++)
        W[k] = ref_pts[k] + noise[k];
    e2e_scalar s = {.label = "40 points", .n = 2 * NP, .x = W, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double f0 = mds_fast(NP, W, D), fg = mds_fast_grad(NP, W, D, g);
    e2e_report(memcmp(&f0, &fg, sizeof f0) == 0, s.label, "grad's value equals the primal bit for bit (%a, %a)",
               fg, f0);
    for (int k = 0; k < 2 * NP; k++)
        want[k] = 0.0;
    for (int i = 0; i < NP; i++)
        for (int j = i + 1; j < NP; j++) {
            double dx = W[2 * i] - W[2 * j], dy = W[2 * i + 1] - W[2 * j + 1];
            double c = 4.0 * (dx * dx + dy * dy - D[i * NP + j]);
            want[2 * i] += c * dx;
            want[2 * i + 1] += c * dy;
            want[2 * j] -= c * dx;
            want[2 * j + 1] -= c * dy;
        }
    e2e_expect_close(s.label, "grad vs closed form", g, want, 2 * NP, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
