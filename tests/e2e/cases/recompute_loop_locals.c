/* Loop-body locals the backward sweep recomputes instead of taping (recompute.c), next to
 * look-alikes it must tape: a chain of recomputed locals with an int subscript, an outer-body
 * local read by an inner loop, const struct members, and locals that are reassigned, have
 * their address taken, read a local array through a const pointer (the array changes), or
 * depend on a while loop's counter. Gradient checked against finite differences, tangent vs
 * adjoint, and a closed form computed here with the same loops. */
#include <adc.h>

struct lens {
    double focal, shift;
};

static void twice(double *p) { *p = 2.0 * *p; }

ADC_DIFF(wrt(x), len(x: n))
double mixed(int n, const double *x, const double *c, const struct lens *ln) {
    double acc = 0.0;
    double buf[8] = {0};
    const double *view = buf;
    for (int i = 0; i < n - 1; i++) {
        int k = 2 * (i / 2);                      /* recomputed int */
        double a = x[i] * c[i] + ln->shift;       /* recomputed */
        double b = a * a + x[k] * ln->focal;      /* recomputed, reads a */
        double u = x[i + 1];                      /* reassigned: taped */
        u = u * u;
        double v = x[i];                          /* address taken: taped */
        twice(&v);
        buf[i % 8] = x[i] * 0.5;
        double w = view[i % 8] * x[i + 1];        /* reads changing memory: taped */
        buf[i % 8] = 1.0;
        for (int j = 0; j < n; j++) {
            double t = b * x[j];                  /* recomputed, b from the outer body */
            acc += t * t;
        }
        acc += a * b + u * v + w * w;
    }
    int m = 0;
    while (m < n) {
        double q = x[m] * 3.0;                    /* the counter is not an index: taped */
        acc += q * q * x[m];
        m++;
    }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double mixed_tangent(int n, const double *x, const double *x_d, const double *c, const struct lens *ln,
                     double *mixed_d);
double mixed_adjoint(int n, const double *x, double *x_b, const double *c, const struct lens *ln,
                     double mixed_b);
double mixed_grad(int n, const double *x, const double *c, const struct lens *ln, double *x_grad);

#define N 6
static double C[N];
static const struct lens LENS = {0.7, -0.2};

static double primal(const double *x, void *p) { (void)p; return mixed(N, x, C, &LENS); }
static double grad(const double *x, double *g, void *p) { (void)p; return mixed_grad(N, x, C, &LENS, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return mixed_tangent(N, x, v, C, &LENS, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return mixed_adjoint(N, x, xb, C, &LENS, seed);
}

/* The gradient by hand, term by term. */
static void closed_form(const double *x, double *g) {
    for (int i = 0; i < N; i++)
        g[i] = 0.0;
    for (int i = 0; i + 1 < N; i++) {
        int k = 2 * (i / 2);
        double a = x[i] * C[i] + LENS.shift, b = a * a + x[k] * LENS.focal;
        double sum_sq = 0.0;
        for (int j = 0; j < N; j++) {
            sum_sq += x[j] * x[j];
            g[j] += 2.0 * b * b * x[j];                   /* d/dx_j of b^2 x_j^2 */
        }
        double db = 2.0 * b * sum_sq + a;               /* d acc / d b */
        double da = b + db * 2.0 * a;                   /* d acc / d a */
        g[i] += da * C[i];
        g[k] += db * LENS.focal;
        double u = x[i + 1] * x[i + 1], v = 2.0 * x[i];
        g[i + 1] += 2.0 * x[i + 1] * v;                 /* u v */
        g[i] += 2.0 * u;
        double h = 0.5 * x[i] * x[i + 1];               /* w = 0.5 x_i x_{i+1} */
        g[i] += 2.0 * h * 0.5 * x[i + 1];
        g[i + 1] += 2.0 * h * 0.5 * x[i];
    }
    for (int m = 0; m < N; m++)
        g[m] += 27.0 * x[m] * x[m];                     /* (3x)^2 x */
}

int main(void) {
    e2e_begin("recompute_loop_locals");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 301u, -1.0, 1.0);
    e2e_fill(C, N, 302u, 0.5, 1.5);
    e2e_scalar s = {.label = "n = 6", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
