/* float function: float and double active scalars mixed, an active float array, int count, f-suffixed math (sinf expf logf sqrtf cosf powf tanhf atan2f hypotf fabsf); float tolerances (see e2e.h: FD of a single-precision primal); closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a, b, v), len(v: n))
float float_scalars(float a, double b, int n, const float *v)
{
    float bf = (float)b;
    float s = sinf(a) * expf(0.5f * bf);
    s += logf(1.0f + a * a) + sqrtf(bf) * cosf(a);
    s += powf(a, 1.5f) + tanhf(bf - a);
    s += atan2f(a, bf) + hypotf(a, 2.0f);
    for (int i = 0; i < n; i++)
        s += v[i] * v[i] * cosf(a * (float)i) + 0.5f * fabsf(v[i]);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

/* The adjoint and gradient of a float parameter are float (its element type), of b double. */
float float_scalars_tangent(float a, float a_d, double b, double b_d, int n, const float *v,
                            const float *v_d, float *float_scalars_d);
float float_scalars_adjoint(float a, float *a_b, double b, double *b_b, int n, const float *v,
                            float *v_b, float float_scalars_b);
float float_scalars_grad(float a, double b, int n, const float *v, float *a_grad, double *b_grad,
                         float *v_grad);

#define NV 4
/* Packed as (a, b, v[0..NV)). */
static void unpack(const double *x, float *a, double *b, float *v) {
    *a = (float)x[0];
    *b = x[1];
    for (int i = 0; i < NV; i++)
        v[i] = (float)x[2 + i];
}
static double primal(const double *x, void *p) {
    (void)p;
    float a, v[NV];
    double b;
    unpack(x, &a, &b, v);
    return float_scalars(a, b, NV, v);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    float a, v[NV], ag = 1e30f, vg[NV];
    double b, bg = 1e30;
    unpack(x, &a, &b, v);
    for (int i = 0; i < NV; i++)
        vg[i] = 1e30f;
    float f = float_scalars_grad(a, b, NV, v, &ag, &bg, vg);
    g[0] = ag;
    g[1] = bg;
    for (int i = 0; i < NV; i++)
        g[2 + i] = vg[i];
    return f;
}
static double tangent(const double *x, const double *dx, double *dv, void *p) {
    (void)p;
    float a, v[NV], ad, vd[NV], fd = 0.0f;
    double b, bd;
    unpack(x, &a, &b, v);
    unpack(dx, &ad, &bd, vd);
    float f = float_scalars_tangent(a, ad, b, bd, NV, v, vd, &fd);
    *dv = fd;
    return f;
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    float a, v[NV], ab, vb[NV];
    double b, bb;
    unpack(x, &a, &b, v);
    unpack(xb, &ab, &bb, vb);
    float f = float_scalars_adjoint(a, &ab, b, &bb, NV, v, vb, (float)seed);
    xb[0] = ab;
    xb[1] = bb;
    for (int i = 0; i < NV; i++)
        xb[2 + i] = vb[i];
    return f;
}

int main(void) {
    e2e_begin("float_scalars");
    /* Exactly representable in float, so the packed point is the float point. */
    const double x[2 + NV] = {0.75, 1.25, 0.5, -0.625, 1.125, -0.875};
    double g[2 + NV];
    e2e_scalar s = {.label = "float_scalars", .n = 2 + NV, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = NULL,
                    .fd_tol = E2E_FLOAT_FD_TOL, .exact_tol = E2E_FLOAT_EXACT_TOL};
    e2e_run_scalar(&s, g);
    double a = x[0], b = x[1], sech2 = 1.0 - tanh(b - a) * tanh(b - a), r2 = a * a + b * b;
    double ref[2 + NV];
    ref[0] = cos(a) * exp(0.5 * b) + 2.0 * a / (1.0 + a * a) - sqrt(b) * sin(a) +
             1.5 * sqrt(a) - sech2 + b / r2 + a / hypot(a, 2.0);
    ref[1] = 0.5 * sin(a) * exp(0.5 * b) + cos(a) / (2.0 * sqrt(b)) + sech2 - a / r2;
    for (int i = 0; i < NV; i++) {
        double vi = x[2 + i];
        ref[0] -= vi * vi * i * sin(a * i);
        ref[2 + i] = 2.0 * vi * cos(a * i) + (vi < 0 ? -0.5 : 0.5);
    }
    e2e_expect_close(s.label, "grad vs closed form (double), float precision", g, ref, 2 + NV,
                     E2E_FLOAT_CLOSED_TOL);
    return e2e_finish();
}
#endif
