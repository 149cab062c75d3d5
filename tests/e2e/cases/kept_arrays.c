/* Helpers writing into scratch arrays their callers own (kept.c): the caller tapes the
 * elements a helper may write before the call (only when it reads their old values later in
 * the backward sweep) and the helper tapes nothing for them. Covers: a triangular product that
 * rewrites out[j] many times, called on each trip of a loop that reuses the scratch arrays
 * (GMM's Qtimesx); a helper whose own backward sweep reads what it overwrites (p[0] *= ...);
 * a write at a computed index (the whole array is taped); a helper that only hands its
 * parameter on to another (neither keeps it: the other tapes its own writes); a helper called
 * in place (the same array for its input and output: not kept); an array whose old values a
 * statement before the call reads (c, read in the trip before). Gradient checked against finite
 * differences and tangent vs adjoint, the Hessian (second order reads the generated code
 * back) against differences of the gradient and for symmetry. */
#include <math.h>
#include <adc.h>

static void centre(int d, const double *x, const double *m, double *out) {
    for (int i = 0; i < d; i++)
        out[i] = x[i] - m[i];
}

static void tri_times(int d, const double *L, const double *v, double *out) {
    for (int i = 0; i < d; i++)
        out[i] = L[i] * v[i];
    int k = d;
    for (int i = 0; i < d; i++)
        for (int j = i + 1; j < d; j++) {
            out[j] = out[j] + L[k] * v[i];
            k++;
        }
}

static void stretch(double *p, double s) {
    double r = p[0] * p[0] + p[1] * p[1];
    p[0] = p[0] * (1.0 + s * r);                  /* reads the p[0] it overwrites */
    p[1] = p[1] * (1.0 + s * r);
}

static void stretch2(const double *in, double *out) {
    out[0] = in[0] * in[1];
    out[1] = in[1] * in[0];                       /* reads in[0] after out[0] changed it */
}

static void scatter(int d, const double *v, double *out) {
    for (int i = 0; i < d; i++)
        out[(3 * i) % d] = v[i] * v[i];          /* a computed index: all of out is taped */
}

static void differ(int d, const double *a, const double *b, double *out) {
    for (int i = 0; i < d; i++)
        out[i] = a[i] * b[i] - b[i];
}

static void relay(int d, const double *v, double *out) {
    differ(d, v, v + d, out);                     /* passes its parameter on: differ's out is not kept */
}

static void smooth(int d, const double *in, double *out) {
    for (int i = 0; i < d; i++)
        out[i] = 0.5 * in[i] * in[(i + 1) % d];  /* called in place: in[0] is read after out[0] */
}

static double sum_sq(int d, const double *v) {
    double s = 0.0;
    for (int i = 0; i < d; i++)
        s += v[i] * v[i];
    return s;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hessian))
double kept(int n, const double *x) {
    const int d = 4;
    double c[8], q[8], p[2], s[8];
    double acc = 0.0;
    for (int t = 0; t < 3; t++) {
        centre(d, &x[t], &x[n - d], c);
        tri_times(d, x, c, q);
        acc += log(1.0 + sum_sq(d, q));
        p[0] = q[0];
        p[1] = q[1] * x[t];
        stretch(p, 0.1);
        acc += p[0] * p[1];
    }
    smooth(d, q, q);                              /* the same array twice: not kept */
    acc += q[0] * q[3];
    const double *alias = p;
    stretch2(alias, p);                           /* p reached through a local pointer too */
    acc += p[0] + p[1];
    scatter(d, x, s);
    acc += s[0] * s[1] + s[2] * s[3];
    acc += c[1] * c[2];                           /* c read before the next call overwrites it */
    relay(d, x, c);                               /* only hands c on: not kept */
    acc += sum_sq(d, c) * x[0];
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double kept_tangent(int n, const double *x, const double *x_d, double *kept_d);
double kept_adjoint(int n, const double *x, double *x_b, double kept_b);
double kept_grad(int n, const double *x, double *x_grad);
int kept_hessian(int n, const double *x, double *hessian);

#define N 10

static double primal(const double *x, void *p) { (void)p; return kept(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return kept_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return kept_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return kept_adjoint(N, x, xb, seed);
}
/* Column j of the Hessian by central differences of the gradient. */
static void hessian_by_differences(const double *x, double *h) {
    double xp[N], xm[N], gp[N], gm[N];
    for (int j = 0; j < N; j++) {
        for (int i = 0; i < N; i++)
            xp[i] = xm[i] = x[i];
        double step = 1e-5 * fmax(1.0, fabs(x[j]));
        xp[j] += step;
        xm[j] -= step;
        kept_grad(N, xp, gp);
        kept_grad(N, xm, gm);
        for (int i = 0; i < N; i++)
            h[i * N + j] = (gp[i] - gm[i]) / (2.0 * step);
    }
}

int main(void) {
    e2e_begin("kept_arrays");
    double x[N], h[N * N], want[N * N];
    e2e_fill(x, N, 2203u, -0.8, 0.8);
    e2e_scalar s = {.label = "kept", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_expect_value("kept", "Hessian returns 0", kept_hessian(N, x, h), 0.0, 0.0);
    hessian_by_differences(x, want);
    /* Judged against the whole matrix: some entries are 1e-5 of the largest, and their
     * round-off (1e-16 of the largest) is not small relative to themselves. */
    double big = 0.0, off_fd = 0.0, off_sym = 0.0;
    for (int i = 0; i < N * N; i++) {
        big = fmax(big, fabs(want[i]));
        off_fd = fmax(off_fd, fabs(h[i] - want[i]));
        off_sym = fmax(off_sym, fabs(h[i] - h[(i % N) * N + i / N]));
    }
    e2e_report(off_fd <= 1e-6 * big, "kept", "Hessian vs differences of the gradient (max error %.2e of the "
               "largest entry %.2e)", off_fd / big, big);
    e2e_report(off_sym <= E2E_EXACT_TOL * big, "kept", "Hessian is symmetric (max |H - H^T| %.2e of the "
               "largest entry)", off_sym / big);
    return e2e_finish();
}
#endif
