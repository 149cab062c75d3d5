/* Math functions that also store through a pointer: frexp (into a local, through an int *
 * parameter, into an array element), modf (into a local, into array elements, through an active
 * double * parameter whose adjoint the store overwrites), remquo, and ldexp/scalbn putting the
 * mantissas back together. Gradient against finite differences, the tangent, the adjoint and
 * the closed form; the vector tangent against scalar tangents; Hessian-vector products against
 * finite differences of the gradient; the Hessian (scalar route and vector(2) route) against its
 * closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, tangent_vector, hvp, hessian), vector(2))
double stores(int n, const double *x, int *ex)
{
    int e, q;
    double ip, parts[2], s = 0.0;
    double m = frexp(x[0], &e);
    double m2 = frexp(x[1] * 3.0, ex);
    double m3 = frexp(x[2], &ex[1]);
    double f = modf(x[3] * 2.5, &ip);
    for (int i = 0; i < n - 3; i++) {
        double fp = modf(x[i] * 4.0, &parts[i]);
        s += fp * parts[i];
    }
    double r = remquo(x[4], 0.3, &q);
    double back = ldexp(m, e) + scalbn(m2, *ex);
    return m * m3 * x[3] + f * ip + s + r * r * q + back * x[2] + ip * x[4];
}

/* The same function, its Hessian by the scalar route (no vector(W)). */
ADC_DIFF(wrt(x), len(x: n), modes(hessian))
double stores_scalar(int n, const double *x, int *ex)
{
    return stores(n, x, ex);
}

ADC_DIFF(wrt(x, ip, fr), len(x: 2, ip: 2, fr: 2), modes(tangent, adjoint))
void split(const double *x, double *ip, double *fr)
{
    fr[0] = modf(x[0] * ip[0], ip);
    fr[1] = modf(x[1] + ip[1], &ip[1]);
    fr[1] *= ip[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double stores_tangent(int n, const double *x, const double *x_d, int *ex, double *stores_d);
double stores_adjoint(int n, const double *x, double *x_b, int *ex, double stores_b);
double stores_grad(int n, const double *x, int *ex, double *x_grad);
double stores_tangent_vector(int n, const double *x, const double (*x_d)[2], int *ex, double *stores_d);
int stores_hvp(int n, const double *x, const double *x_v, double *x_hv, int *ex);
int stores_hessian(int n, const double *x, int *ex, double *hessian);
int stores_scalar_hessian(int n, const double *x, int *ex, double *hessian);
void split_tangent(const double *x, const double *x_d, double *ip, double *ip_d, double *fr, double *fr_d);
void split_adjoint(const double *x, double *x_b, double *ip, double *ip_b, double *fr, double *fr_b);

enum { N = 5 };

static double primal(const double *x, void *p) {
    int ex[2];
    (void)p;
    return stores(N, x, ex);
}
static double grad(const double *x, double *g, void *p) {
    int ex[2];
    (void)p;
    return stores_grad(N, x, ex, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    int ex[2];
    (void)p;
    return stores_tangent(N, x, v, ex, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    int ex[2];
    (void)p;
    return stores_adjoint(N, x, xb, ex, seed);
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

static void split_primal(const double *w, double *y, void *p) {
    (void)p;
    y[0] = w[2];
    y[1] = w[3];
    split(w, y, y + 2);
}
static void split_tan(const double *w, const double *v, double *y, double *dy, void *p) {
    (void)p;
    y[0] = w[2];
    y[1] = w[3];
    dy[0] = v[2];
    dy[1] = v[3];
    split_tangent(w, v, y, dy, y + 2, dy + 2);
}
static void split_adj(const double *w, const double *yb, double *wb, void *p) {
    (void)p;
    double y[4] = {0.0, 0.0, 0.0, 0.0}, ybar[4] = {yb[0], yb[1], yb[2], yb[3]};
    y[0] = w[2];
    y[1] = w[3];
    split_adjoint(w, wb, y, ybar, y + 2, ybar + 2);
    wb[2] += ybar[0];
    wb[3] += ybar[1];
}

int main(void) {
    e2e_begin("math_stores");
    const double x[N] = {0.7, -0.45, 1.3, 0.9, 0.85};
    double g[N], want[N], h[N * N], hs[N * N], hwant[N * N] = {0};
    e2e_scalar sc = {.label = "stores", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                     .adjoint = adjoint};
    e2e_run_scalar(&sc, g);

    /* m = x0 2^-e0, m3 = x2 2^-e2, ip = trunc(2.5 x3), p_i = trunc(4 x_i), r = remquo(x4, 0.3, &q) */
    int e0, e2, q;
    double m = frexp(x[0], &e0), m3 = frexp(x[2], &e2), ip = trunc(2.5 * x[3]);
    double r = remquo(x[4], 0.3, &q), s0 = ldexp(1.0, -e0), s2 = ldexp(1.0, -e2);
    want[0] = s0 * m3 * x[3] + 4.0 * trunc(4.0 * x[0]) + x[2];
    want[1] = 4.0 * trunc(4.0 * x[1]) + 3.0 * x[2];
    want[2] = m * s2 * x[3] + x[0] + 3.0 * x[1];
    want[3] = m * m3 + 2.5 * ip;
    want[4] = 2.0 * r * q + ip;
    e2e_expect_close("stores", "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    hwant[0 * N + 2] = hwant[2 * N + 0] = s0 * s2 * x[3] + 1.0;
    hwant[0 * N + 3] = hwant[3 * N + 0] = s0 * m3;
    hwant[1 * N + 2] = hwant[2 * N + 1] = 3.0;
    hwant[2 * N + 3] = hwant[3 * N + 2] = m * s2;
    hwant[4 * N + 4] = 2.0 * q;
    int ex[2];
    e2e_report(stores_hessian(N, x, ex, h) == 0, "stores", "hessian (vector(2) route) status");
    e2e_expect_close("stores", "Hessian (vector(2) route) vs closed form", h, hwant, N * N, E2E_CLOSED_TOL);
    e2e_report(stores_scalar_hessian(N, x, ex, hs) == 0, "stores", "hessian (scalar route) status");
    e2e_expect_close("stores", "Hessian (scalar route) vs closed form", hs, hwant, N * N, E2E_CLOSED_TOL);

    double v[N], hv[N];
    e2e_fill(v, N, 5u, -1.0, 1.0);
    e2e_report(stores_hvp(N, x, v, hv, ex) == 0, "stores", "hvp status");
    adc_check_result res;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &res, NULL);
    e2e_check_status("stores", "Hessian-vector product vs finite differences of the gradient", st, &res);

    double dirs[N][2], fv[2], one[2], dv;
    e2e_fill(&dirs[0][0], 2 * N, 9u, -1.0, 1.0);
    stores_tangent_vector(N, x, (const double (*)[2])dirs, ex, fv);
    for (int k = 0; k < 2; k++) {
        double col[N];
        for (int i = 0; i < N; i++)
            col[i] = dirs[i][k];
        stores_tangent(N, x, col, ex, &dv);
        one[k] = dv;
    }
    e2e_expect_close("stores", "vector tangent vs scalar tangents", fv, one, 2, E2E_EXACT_TOL);

    const double w[4] = {0.8, -1.7, 3.4, 2.6};
    e2e_vector vc = {.label = "split (modf through an active pointer)", .n = 4, .m = 4, .x = w,
                     .f = split_primal, .tangent = split_tan, .adjoint = split_adj};
    e2e_run_vector(&vc);
    return e2e_finish();
}
#endif
