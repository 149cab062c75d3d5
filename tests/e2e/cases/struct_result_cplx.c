/* Complex numbers as a struct returned by value from helpers (cmake, cmul, cadd, an exp),
 * nested calls (cadd(cmul(acc, z), cmake(x[k], 0.0))), a call in an if's condition, a member
 * of a call's result (cmul(z, z).re) and a helper returning another helper's result: each
 * helper fills its result through a pointer parameter adc adds (they were refused: "returns a
 * struct that carries derivatives"). FD, dot-product test, vector against tangent, and the
 * Hessian-vector product against FD of the gradient. */
#include <math.h>
#include <adc.h>

typedef struct cplx {
    double re, im;
} cplx;

static cplx cmake(double re, double im) { cplx z = {re, im}; return z; }
static cplx cmul(cplx a, cplx b) { return cmake(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re); }
static cplx cadd(cplx a, cplx b) { cplx z = a; z.re += b.re; z.im += b.im; return z; }
static cplx cexp_(cplx a) { double m = exp(a.re); return cmake(m * cos(a.im), m * sin(a.im)); }
static double cabs2(cplx a) { return a.re * a.re + a.im * a.im; }

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp), vector(2))
double struct_result_cplx(const double *x, int n)
{
    cplx z = cmake(x[0], x[1]), acc = cmake(0.0, 0.0);
    for (int k = 2; k < n; k++) {
        if (cabs2(z) > 4.0)
            z = cmake(0.5 * z.re, 0.5 * z.im);
        acc = cadd(cmul(acc, z), cmake(x[k], 0.0));
    }
    cplx w = cexp_(cmul(acc, cmake(0.1, 0.2)));
    return cabs2(w) + w.im * cmul(z, z).re;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 5
double struct_result_cplx_tangent(const double *x, const double *x_d, int n, double *d);
double struct_result_cplx_tangent_vector(const double *x, const double (*x_d)[2], int n, double *d);
double struct_result_cplx_adjoint(const double *x, double *x_b, int n, double seed);
double struct_result_cplx_grad(const double *x, int n, double *x_grad);
int struct_result_cplx_hvp(const double *x, const double *x_v, double *x_hv, int n);

static double primal(const double *x, void *ctx) { (void)ctx; return struct_result_cplx(x, N); }
static double grad(const double *x, double *g, void *ctx) { (void)ctx; return struct_result_cplx_grad(x, N, g); }
static void gradient(const double *x, double *g, void *ctx) { (void)ctx; struct_result_cplx_grad(x, N, g); }
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return struct_result_cplx_tangent(x, v, N, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return struct_result_cplx_adjoint(x, xb, N, seed);
}

int main(void) {
    e2e_begin("struct_result_cplx");
    /* |z| > 2 at the first point (the if halves z), not at the second */
    double points[2][N] = {{1.9, 1.2, 0.3, -0.5, 0.7}, {0.6, -0.4, 0.8, 0.2, -0.3}};
    for (int p = 0; p < 2; p++) {
        const double *x = points[p];
        const char *label = p ? "small z" : "large z";
        e2e_scalar s = {.label = label, .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
        double dirs[2][N], along[2], both[2] = {NAN, NAN}, x_d[N][2];
        for (int k = 0; k < 2; k++) {
            e2e_fill(dirs[k], N, 20u + (unsigned)k, -1.0, 1.0);
            tangent(x, dirs[k], &along[k], NULL);
            for (int i = 0; i < N; i++)
                x_d[i][k] = dirs[k][i];
        }
        struct_result_cplx_tangent_vector(x, (const double (*)[2])x_d, N, both);
        e2e_expect_close(label, "vector tangent against the tangent along each direction", both, along, 2,
                         E2E_EXACT_TOL);
        double v[N], hv[N];
        e2e_fill(v, N, 5u, -1.0, 1.0);
        e2e_expect_value(label, "hvp returns 0", struct_result_cplx_hvp(x, v, hv, N), 0.0, 0.0);
        adc_check_result r;
        int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
