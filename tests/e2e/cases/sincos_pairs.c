/* sin and cos (sinh and cosh) of one variable side by side (companion.c): the backward sweep
 * reads the other's result instead of calling the function again, whichever comes first, in
 * straight code, in a branch and in a loop body (there only the later one reads the earlier:
 * the earlier is assigned on every trip). Next to look-alikes that must not pair: the
 * argument or the first result assigned between the two, a result whose address is taken, a
 * result assigned twice, a return between them, sin next to cosh. Gradient checked against
 * finite differences and tangent vs adjoint; rotate also against its closed form. */
#include <math.h>
#include <adc.h>

static void bump(double *p) { *p = *p * 1.5; }

ADC_DIFF(wrt(x), len(x: n))
double rotate(int n, const double *x) {
    (void)n;
    double th = x[0] * x[1];
    double c = cos(th);
    double s = sin(th);
    return c * x[2] - s * x[3] + s * c;
}

ADC_DIFF(wrt(x), len(x: n))
double pairs(int n, const double *x) {
    double acc = 0.0;
    double t = x[0] + x[1];
    double sh = sinh(t), ch = cosh(t);                /* straight code, sinh first */
    acc += sh * x[2] + ch * ch;
    double t2 = x[1] * x[2];
    double cl = cos(t2);
    double sl = sin(t2);                              /* read only by cl's backward sweep */
    acc += cl * x[3] + sl;
    double t3 = x[2] - x[3];
    double ce = cos(t3);
    double se = sin(t3);                              /* ce only read by se's sweep */
    acc += ce + se * x[4];
    if (x[3] > -10.0) {
        double u = x[3] * 0.5;
        double cu = cos(u);
        double su = sin(u);                           /* in a branch */
        acc += cu * su * x[4];
    }
    for (int k = 0; k < n; k++) {
        double a = x[k] * x[(k + 1) % n];
        double ck = cos(a);
        double sk = sin(a);                           /* in a loop: sk reads ck only */
        acc += ck + sk * sk;                          /* ck only read by sk's sweep */
    }
    double v = x[5] * 2.0;
    double cv = cos(v);
    v = v + x[6];                                     /* the argument changes between */
    double sv = sin(v);
    acc += cv * sv;
    double w = x[6] - x[7];
    double cw = cos(w);
    cw = cw * x[1];                                   /* the first result changes between */
    double sw = sin(w);
    acc += cw + sw * x[0];
    double z = x[7] * x[2];
    double cz = cos(z);
    double sz = sin(z);
    bump(&sz);                                        /* address taken */
    acc += cz * sz;
    double y = x[4] + 0.25;
    double sy = sin(y);
    double cy = cos(y);
    cy = cy * cy + x[3];                              /* assigned twice: sy cannot read it */
    acc += sy * cy;
    double h = x[2] * x[5];
    double sh2 = sin(h);
    double ch2 = cosh(h);                             /* sin next to cosh: not a pair */
    acc += sh2 * ch2;
    return acc;
}

ADC_DIFF(wrt(x), len(x: 2))
double early(const double *x) {
    double q = x[0] * x[1];
    double sq = sin(q);
    if (x[0] > 100.0)
        return sq;                                    /* a return between them */
    double cq = cos(q);
    return sq * cq + cq * x[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rotate_grad(int n, const double *x, double *x_grad);
double pairs_tangent(int n, const double *x, const double *x_d, double *pairs_d);
double pairs_adjoint(int n, const double *x, double *x_b, double pairs_b);
double pairs_grad(int n, const double *x, double *x_grad);
double early_tangent(const double *x, const double *x_d, double *early_d);
double early_adjoint(const double *x, double *x_b, double early_b);
double early_grad(const double *x, double *x_grad);

#define N 8

static double primal(const double *x, void *p) { (void)p; return pairs(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return pairs_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pairs_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pairs_adjoint(N, x, xb, seed);
}
static double early_primal(const double *x, void *p) { (void)p; return early(x); }
static double early_g(const double *x, double *g, void *p) { (void)p; return early_grad(x, g); }
static double early_t(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return early_tangent(x, v, dv);
}
static double early_a(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return early_adjoint(x, xb, seed);
}

/* d/dx of c*x2 - s*x3 + s*c with th = x0*x1, c = cos th, s = sin th. */
static void rotate_closed_form(const double *x, double *g) {
    double th = x[0] * x[1], c = cos(th), s = sin(th);
    double dth = -s * x[2] - c * x[3] + c * c - s * s;
    g[0] = dth * x[1];
    g[1] = dth * x[0];
    g[2] = c;
    g[3] = -s;
}

int main(void) {
    e2e_begin("sincos_pairs");
    double x[N], g[4], want[4];
    e2e_fill(x, N, 907u, -1.0, 1.0);
    e2e_scalar s = {.label = "pairs", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_scalar e = {.label = "early", .n = 2, .x = x, .f = early_primal, .grad = early_g,
                    .tangent = early_t, .adjoint = early_a};
    e2e_run_scalar(&e, NULL);
    rotate_grad(4, x, g);
    rotate_closed_form(x, want);
    e2e_expect_close("rotate", "grad vs closed form", g, want, 4, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
