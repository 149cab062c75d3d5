/* Pointers to scalars (issue 15, item 1): `double *p = &a` on a local and on a by-value
 * parameter, read and overwritten through the pointer (also on every trip of a loop, where
 * reverse mode must tape what `*p = ...` overwrites in a), a copy of such a pointer given to a
 * helper, a pointer to a struct member and to a whole local struct, an int counter changed
 * through a pointer (the loop bound the backward sweep counts again), and pointers into an
 * array moved by arithmetic (q[1], *(q + 1), r++, r += 2) and passed to a helper. Checked in
 * tangent, vector tangent, adjoint, grad and hvp against finite differences and each other.
 * `*py = (*py)` must not come out as `y = y`, which clang's -Wself-assign rejects. */
#include <math.h>
#include <adc.h>

struct pt {
    double u, v;
};

static void scale(double *v, double f)
{
    *v = *v * f + sin(*v);
}

ADC_DIFF(wrt(x, y), len(x: 5), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double scalar_pointers(const double *x, double y)
{
    double a = x[0], b = x[1];
    double *pa = &a;
    *pa = *pa * b + x[2];
    double s = a * a;
    for (int k = 0; k < 3; k++) {
        *pa = sin(*pa) * pa[0] + b;
        s += a * x[3];
    }
    double *pb = &b;
    double *also = pb;
    scale(also, x[4]);
    scale(&a, 0.5);
    s += *pb * a;
    double *py = &y;
    *py = *py * y + 0.25 * s;
    *py = (*py); /* y = y once followed: not written (clang -Werror=self-assign, difftest 920223) */
    s += y * x[0];
    struct pt P;
    P.u = x[0];
    P.v = x[1];
    struct pt *pp = &P;
    double *pu = &P.u;
    pp->v = pp->v * *pu + 0.1 * s;
    *pu = cos(P.v);
    (*pp).u += pp->v;
    s += P.u * pp->v;
    int n = 2;
    int *pn = &n;
    *pn = *pn + 1;
    for (int i = 0; i < n; i++)
        s = s * 0.5 + x[i] * x[i + 1];
    double w[5];
    for (int i = 0; i < 5; i++)
        w[i] = x[i] * y;
    for (int i = 0; i + 1 < 5; i++) {
        double *q = &w[i];
        q[1] += *q * q[0];
        *(q + 1) = sin(q[1]);
        s += q[1];
    }
    double *r = w;
    r++;
    r += 2;
    scale(r, x[0]);
    return s + w[3] * r[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double scalar_pointers_tangent(const double *x, const double *x_d, double y, double y_d,
                               double *scalar_pointers_d);
double scalar_pointers_tangent_vector(const double *x, const double (*x_d)[2], double y, const double y_d[2],
                                      double scalar_pointers_d[2]);
double scalar_pointers_adjoint(const double *x, double *x_b, double y, double *y_b, double scalar_pointers_b);
double scalar_pointers_grad(const double *x, double y, double *x_grad, double *y_grad);
int scalar_pointers_hvp(const double *x, const double *x_v, double *x_hv, double y, double y_v, double *y_hv);

#define N 6 /* x[0..5), then y */
static double primal(const double *x, void *p) {
    (void)p;
    return scalar_pointers(x, x[5]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return scalar_pointers_grad(x, x[5], g, &g[5]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return scalar_pointers_tangent(x, v, x[5], v[5], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return scalar_pointers_adjoint(x, xb, x[5], &xb[5], seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    scalar_pointers_grad(x, x[5], g, &g[5]);
}

int main(void) {
    e2e_begin("scalar_pointers");
    double x[N], v[N], w[N], g[N], hv[N];
    e2e_fill(x, N, 23u, -0.9, 0.9);
    e2e_scalar s = {.label = "scalar_pointers", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* two directions at once, each the gradient's dot product */
    e2e_fill(v, N, 7u, -1.0, 1.0);
    e2e_fill(w, N, 11u, -1.0, 1.0);
    double dirs[5][2], ydir[2] = {v[5], w[5]}, dvec[2];
    for (int i = 0; i < 5; i++) {
        dirs[i][0] = v[i];
        dirs[i][1] = w[i];
    }
    double value = scalar_pointers_tangent_vector(x, (const double (*)[2])dirs, x[5], ydir, dvec);
    double want[2] = {e2e_dot(g, v, N), e2e_dot(g, w, N)};
    e2e_expect_value("scalar_pointers", "value returned by the vector tangent", value, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("scalar_pointers", "vector tangent = <grad, v> for both directions", dvec, want, 2,
                     E2E_EXACT_TOL);
    scalar_pointers_hvp(x, v, hv, x[5], v[5], &hv[5]);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("scalar_pointers", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
