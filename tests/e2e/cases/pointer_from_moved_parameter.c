/* A matrix product written as CControl's mul is: the row pointer parameter moves a row per
 * trip (`A += ncols`) and a walking pointer restarts from it each trip (`arow = A;` then
 * `arow++`), the output pointer moves too (`C++`). adc refused the walk in reverse mode ("an
 * active pointer must always point into the same parameter or local array"): the walk's root
 * was resolved to the parameter's entry at `arow = A` and back to the parameter at `arow++`.
 * Every mode against finite differences and the dot-product test, the gradient against its
 * closed form, the Hessian-vector product against differences of the gradient. */
#include <stddef.h>
#include <adc.h>

static void matmul(const double A[], const double B[], double C[], size_t nrows, size_t ncols, size_t ncolsb)
{
    const double *arow, *bcol;
    for (size_t i = 0; i < nrows; i++) {
        for (size_t j = 0; j < ncolsb; j++) {
            arow = A;
            bcol = &B[j];
            C[0] = 0.0;
            for (size_t k = 0; k < ncols; k++) {
                *C += arow[0] * bcol[0];
                arow++;
                bcol += ncolsb;
            }
            C++;
        }
        A += ncols;
    }
}

/* x[0..3]: a 2x2 matrix M, x[4..5]: a vector v; returns |M v|^2 */
ADC_DIFF(wrt(x), len(x: 6), modes(tangent, adjoint, grad, hvp))
double pointer_from_moved_parameter(const double *x)
{
    double mv[2];
    matmul(x, x + 4, mv, 2, 2, 1);
    return mv[0] * mv[0] + mv[1] * mv[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_from_moved_parameter_tangent(const double *x, const double *x_d, double *f_d);
double pointer_from_moved_parameter_adjoint(const double *x, double *x_b, double f_b);
double pointer_from_moved_parameter_grad(const double *x, double *x_grad);
int pointer_from_moved_parameter_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return pointer_from_moved_parameter(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_from_moved_parameter_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_from_moved_parameter_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_from_moved_parameter_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    pointer_from_moved_parameter_grad(x, g);
}

int main(void) {
    e2e_begin("pointer_from_moved_parameter");
    const double x[6] = {0.7, -1.3, 0.4, 1.1, 0.9, -0.5};
    e2e_scalar s = {.label = "pointer_from_moved_parameter", .n = 6, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[6];
    e2e_run_scalar(&s, g);
    /* closed form: w = M v, d/dM_ik = 2 w_i v_k, d/dv = 2 M^T w */
    double w[2] = {x[0] * x[4] + x[1] * x[5], x[2] * x[4] + x[3] * x[5]};
    double want[6] = {2 * w[0] * x[4], 2 * w[0] * x[5], 2 * w[1] * x[4], 2 * w[1] * x[5],
                      2 * (x[0] * w[0] + x[2] * w[1]), 2 * (x[1] * w[0] + x[3] * w[1])};
    e2e_expect_close(s.label, "gradient against its closed form", g, want, 6, E2E_CLOSED_TOL);
    double v[6] = {0.6, -0.8, 0.3, 0.5, -0.2, 0.1}, hv[6];
    pointer_from_moved_parameter_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(6, 6, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
