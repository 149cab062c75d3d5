/* Active 2-D array parameter const double a[3][3] (len 9; a_d is const double[3][3], a_b and a_grad double[3][3]) with an inactive vector; closed-form gradient cof(a) + 2 (a v) v^T. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a), len(a: 9))
double array_2d_param(const double a[3][3], const double *v)
{
    double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
                 a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
                 a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    double s = 0.0;
    for (int i = 0; i < 3; i++) {
        double av = 0.0;
        for (int j = 0; j < 3; j++)
            av += a[i][j] * v[j];
        s += av * av;
    }
    return det + s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double array_2d_param_tangent(const double a[3][3], const double a_d[3][3], const double *v,
                              double *array_2d_param_d);
double array_2d_param_adjoint(const double a[3][3], double a_b[3][3], const double *v,
                              double array_2d_param_b);
double array_2d_param_grad(const double a[3][3], const double *v, double a_grad[3][3]);

static const double v[3] = {0.5, -1.0, 0.75};

/* Packed row-major: x[3 * i + j] = a[i][j]. */
static void unpack(const double *x, double a[3][3]) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            a[i][j] = x[3 * i + j];
}
static void pack(const double a[3][3], double *x) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            x[3 * i + j] = a[i][j];
}
static double primal(const double *x, void *p) {
    (void)p;
    double a[3][3];
    unpack(x, a);
    return array_2d_param(a, v);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    double a[3][3], ag[3][3];
    unpack(x, a);
    unpack(g, ag);
    double f = array_2d_param_grad(a, v, ag);
    pack(ag, g);
    return f;
}
static double tangent(const double *x, const double *dx, double *dv, void *p) {
    (void)p;
    double a[3][3], ad[3][3];
    unpack(x, a);
    unpack(dx, ad);
    return array_2d_param_tangent(a, ad, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    double a[3][3], ab[3][3];
    unpack(x, a);
    unpack(xb, ab);
    double f = array_2d_param_adjoint(a, ab, v, seed);
    pack(ab, xb);
    return f;
}

int main(void) {
    e2e_begin("array_2d_param");
    const double x[9] = {1.1, 0.3, -0.4, 0.2, 0.9, 0.6, -0.5, 0.7, 1.3};
    double g[9], ref[9];
    e2e_scalar s = {.label = "array_2d_param", .n = 9, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double a[3][3];
    unpack(x, a);
    for (int i = 0; i < 3; i++) {
        double av = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
        int i1 = (i + 1) % 3, i2 = (i + 2) % 3;
        for (int j = 0; j < 3; j++) {
            int j1 = (j + 1) % 3, j2 = (j + 2) % 3;
            double cof = a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1];
            ref[3 * i + j] = cof + 2.0 * av * v[j];
        }
    }
    e2e_expect_close(s.label, "grad vs closed form cof(a) + 2 (a v) v^T", g, ref, 9,
                     E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
