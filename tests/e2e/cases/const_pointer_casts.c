/* Casts that add const to pointers handed to helpers: `(const double (*)[3])m` (C does not
 * convert double (*)[3] to const double (*)[3] by itself) and `(const struct pt *)ps`. The
 * derivatives go through the same casts: the vector tangent's to its own types, const double
 * (*)[3][3] and const struct pt_d3 * (it cast to the primal's type: a generated file that
 * did not compile), the adjoint's without const, as it writes through them (it kept const: the
 * same). Scalar tangent against FD, the dot-product test (tangent vs grad), the vector tangent
 * against the scalar tangent along each direction. */
#include <adc.h>

struct pt {
    double v;
    int k;
};

static double row_dots(const double (*m)[3], const double *v, int rows)
{
    double s = 0.0;
    for (int i = 0; i < rows; i++)
        s += m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
    return s;
}

static double weighted(const struct pt *p, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += p[i].k * p[i].v * p[i].v;
    return s;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad), vector(3))
double const_pointer_casts(const double *x)
{
    double m[2][3];
    struct pt ps[3];
    for (int i = 0; i < 3; i++) {
        m[0][i] = x[i] * x[0];
        m[1][i] = x[i] + x[1];
        ps[i].v = x[i] * x[2];
        ps[i].k = i + 1;
    }
    return row_dots((const double (*)[3])m, x, 2) + weighted((const struct pt *)ps, 3);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double const_pointer_casts_tangent(const double *x, const double *x_d, double *f_d);
double const_pointer_casts_tangent_vector(const double *x, const double (*x_d)[3], double *f_d);
double const_pointer_casts_adjoint(const double *x, double *x_b, double f_b);
double const_pointer_casts_grad(const double *x, double *x_grad);

enum { N = 3 };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return const_pointer_casts(x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return const_pointer_casts_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return const_pointer_casts_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return const_pointer_casts_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("const_pointer_casts");
    const double x[N] = {0.6, -1.1, 0.9};
    e2e_scalar c = {.label = "const_pointer_casts", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&c, NULL);
    double dirs[3][N], dv[N][3], along[3], all[3];
    for (int k = 0; k < 3; k++) {
        e2e_fill(dirs[k], N, 70u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++)
            dv[i][k] = dirs[k][i];
    }
    double fv = const_pointer_casts_tangent_vector(x, (const double (*)[3])dv, all);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "three directions against the tangent along each", all, along, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
