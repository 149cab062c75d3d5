/* 2-D arrays: an inactive const double m[3][3] parameter and local double a[3][3], b[3][3] built from active inputs (a[i][j] indexing, matrix product a a^T, cofactor determinant). */
#include <math.h>
#include <adc.h>

static double det3(const double b[3][3])
{
    return b[0][0] * (b[1][1] * b[2][2] - b[1][2] * b[2][1]) -
           b[0][1] * (b[1][0] * b[2][2] - b[1][2] * b[2][0]) +
           b[0][2] * (b[1][0] * b[2][1] - b[1][1] * b[2][0]);
}

ADC_DIFF(wrt(x), len(x: 3))
double array_2d_local(const double m[3][3], const double *x)
{
    double a[3][3];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            a[i][j] = m[i][j] * x[i] + (i == j ? x[j] * x[j] : 0.0);
    double b[3][3];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            b[i][j] = 0.0;
            for (int k = 0; k < 3; k++)
                b[i][j] += a[i][k] * a[j][k];
        }
    double tr = b[0][0] + b[1][1] + b[2][2];
    return log(det3(b)) + 0.1 * tr;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double array_2d_local_tangent(const double m[3][3], const double *x, const double *x_d,
                              double *array_2d_local_d);
double array_2d_local_adjoint(const double m[3][3], const double *x, double *x_b,
                              double array_2d_local_b);
double array_2d_local_grad(const double m[3][3], const double *x, double *x_grad);

static const double m[3][3] = {{1.0, 0.4, -0.3}, {0.2, 0.8, 0.5}, {-0.6, 0.1, 1.2}};

static double primal(const double *x, void *p) {
    (void)p;
    return array_2d_local(m, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return array_2d_local_grad(m, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return array_2d_local_tangent(m, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return array_2d_local_adjoint(m, x, xb, seed);
}

int main(void) {
    e2e_begin("array_2d_local");
    const double x[3] = {0.9, -1.3, 0.6};
    e2e_scalar s = {.label = "array_2d_local", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
