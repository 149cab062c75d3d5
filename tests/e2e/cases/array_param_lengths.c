/* Parameters declared as arrays give f_grad their lengths (no len(...)): a double x[static 4]
 * and a 3x3 matrix A, both active by default. f_grad must zero all 4 + 9 components it is
 * handed filled with garbage; closed form, finite differences and the tangent. */
#include <adc.h>

ADC_DIFF()
double bilinear(const double x[static 4], const double A[3][3])
{
    double s = 0.0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            s += x[i] * A[i][j] * x[j + 1];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double bilinear_tangent(const double *x, const double *x_d, const double (*A)[3],
                        const double (*A_d)[3], double *bilinear_d);
double bilinear_adjoint(const double *x, double *x_b, const double (*A)[3], double (*A_b)[3],
                        double bilinear_b);
double bilinear_grad(const double *x, const double (*A)[3], double *x_grad, double (*A_grad)[3]);

static double primal(const double *w, void *p) {
    (void)p;
    return bilinear(w, (const double (*)[3])(w + 4));
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return bilinear_grad(w, (const double (*)[3])(w + 4), g, (double (*)[3])(g + 4));
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return bilinear_tangent(w, v, (const double (*)[3])(w + 4), (const double (*)[3])(v + 4), dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return bilinear_adjoint(w, wb, (const double (*)[3])(w + 4), (double (*)[3])(wb + 4), seed);
}

int main(void) {
    e2e_begin("array_param_lengths");
    double w[13], g[13], ref[13] = {0};
    e2e_fill(w, 13, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "bilinear", .n = 13, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double a = w[4 + 3 * i + j];
            ref[i] += a * w[j + 1];
            ref[j + 1] += w[i] * a;
            ref[4 + 3 * i + j] = w[i] * w[j + 1];
        }
    e2e_expect_close(s.label, "grad vs closed form", g, ref, 13, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
