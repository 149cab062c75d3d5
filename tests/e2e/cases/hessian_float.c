/* Second order in single precision: hvp and dense Hessians (scalar, by products, by the vector tangent) of float functions that call float and double helpers; their directions, products and Hessians are float, like their data; closed forms at float tolerance. */
#include <math.h>
#include <adc.h>

static float sq(float a) { return a * a; }
static double cube(double a) { return a * a * a; }

ADC_DIFF(wrt(x), modes(tangent, adjoint, hvp, hessian))
float hessian_float_scalar(float x) { return cube(x) * sinf(x); }

ADC_DIFF(wrt(x, y), len(x: 3), modes(hvp))
float hessian_float_mixed(const float *x, double y) { return sq(x[0] * x[1]) * (float)y + x[2] * x[2] * x[0]; }

ADC_DIFF(wrt(x), len(x: 3), modes(hessian), vector(2))
float hessian_float_vector(const float *x) { return sq(x[0] * x[1]) + x[2] * x[2] * x[0]; }

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

int hessian_float_scalar_hessian(float x, float *hessian);
int hessian_float_mixed_hvp(const float *x, const float *x_v, float *x_hv, double y, const double y_v,
                            double *y_hv);
int hessian_float_vector_hessian(const float *x, float *hessian);

/* The Hessian of x0^2 x1^2 y + x2^2 x0 over (x0, x1, x2, y). */
static void mixed_hessian(const float *x, double y, double h[4][4]) {
    double x0 = x[0], x1 = x[1], x2 = x[2];
    double rows[4][4] = {
        {2 * x1 * x1 * y, 4 * x0 * x1 * y, 2 * x2, 2 * x0 * x1 * x1},
        {4 * x0 * x1 * y, 2 * x0 * x0 * y, 0, 2 * x0 * x0 * x1},
        {2 * x2, 0, 2 * x0, 0},
        {2 * x0 * x1 * x1, 2 * x0 * x0 * x1, 0, 0},
    };
    memcpy(h, rows, sizeof rows);
}

int main(void) {
    e2e_begin("hessian_float");
    float xs = 0.8f, hs;
    double x = xs;
    e2e_expect_value("scalar", "hessian returns 0", hessian_float_scalar_hessian(xs, &hs), 0.0, 0.0);
    double want = 6 * x * sin(x) + 6 * x * x * cos(x) - x * x * x * sin(x), got = hs;
    e2e_expect_close("scalar", "Hessian vs closed form", &got, &want, 1, E2E_FLOAT_CLOSED_TOL);

    const float xv[3] = {0.7f, -1.2f, 0.5f};
    double y = 1.3, h[4][4];
    mixed_hessian(xv, y, h);
    for (int j = 0; j < 4; j++) {
        float v[3] = {0}, hv[3];
        double yhv, col[4], ref[4];
        if (j < 3)
            v[j] = 1.0f;
        int st = hessian_float_mixed_hvp(xv, v, hv, y, j == 3 ? 1.0 : 0.0, &yhv);
        e2e_expect_value("mixed", "hvp returns 0", st, 0.0, 0.0);
        for (int i = 0; i < 4; i++) {
            col[i] = i < 3 ? hv[i] : yhv;
            ref[i] = h[i][j];
        }
        e2e_expect_close("mixed", "Hessian column by hvp vs closed form", col, ref, 4, E2E_FLOAT_CLOSED_TOL);
    }

    float hk[9];
    double got9[9], want9[9];
    e2e_expect_value("vector", "hessian returns 0", hessian_float_vector_hessian(xv, hk), 0.0, 0.0);
    mixed_hessian(xv, 1.0, h);
    for (int i = 0; i < 9; i++) {
        got9[i] = hk[i];
        want9[i] = h[i / 3][i % 3];
    }
    e2e_expect_close("vector", "Hessian by the vector tangent vs closed form", got9, want9, 9, E2E_FLOAT_CLOSED_TOL);
    return e2e_finish();
}
#endif
