/* What the backward sweep of a loop keeps in locals (loop_adjoint.c), next to look-alikes it
 * must not: adjoints of elements read at the same place on every trip (x[2 * i] in a loop
 * over j, a row of a local 2-D array, a struct member) summed and added after the loop, also
 * when the varying element is the same one on some trip (x[j] with j == i); arrays written in
 * the loop, passed to a call in it, or reached through a local pointer in it (not summed);
 * and adjoints known to be zero at the top of each trip (a local defined first in the body)
 * next to a local read after its loop, one defined only in a branch, and one whose first
 * assignment reads itself; and a nested initializer list. Gradient checked against finite differences and tangent vs
 * adjoint (the tangent has none of these); the first sum also against its closed form. */
#include <adc.h>

struct pair {
    double a, b;
};

static double scale(const double *p, int k) { return 2.0 * p[k]; }

ADC_DIFF(wrt(x), len(x: n))
double pairs(int n, const double *x) {
    double acc = 0.0;
    for (int i = 0; i < n / 2; i++)
        for (int j = 0; j < n; j++) {             /* x[2 * i] summed; j == 2 * i on some trips */
            double d = x[2 * i] - x[j];           /* fresh in each trip */
            acc += d * d * x[2 * i + 1];
        }
    return acc;
}

ADC_DIFF(wrt(x), len(x: n))
double locals(int n, const double *x) {
    double acc = pairs(n, x);
    double grid[3][4];
    struct pair pr = {x[0], x[1]};
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            grid[r][c] = x[(r + c) % n] * x[r];
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            acc += grid[r][0] * grid[r][c] * pr.a + pr.b * grid[r][c]; /* grid[r][0], pr summed */
    double w[4] = {x[1], x[2], x[3], x[4]};
    for (int k = 0; k < n; k++) {
        acc += w[1] * x[k];                       /* w is written in the loop: not summed */
        w[k % 4] = w[k % 4] * 0.5 + x[k];
    }
    double v[4] = {x[0], x[1], x[2], x[3]};
    for (int k = 0; k < 3; k++)
        acc += v[0] * scale(v, k);                /* v is passed to a call: not summed */
    const double *p = v;
    for (int k = 0; k < 4; k++)
        acc += v[1] * p[k] * x[k];                /* v is read through p: not summed */
    double last = 0.0, cond = 0.0, self = 1.0;
    for (int k = 0; k < n; k++) {
        last = x[k] * x[k];                       /* read after the loop: not fresh */
        if (x[k] > 0.0)
            cond = x[k] * 3.0;                    /* defined in a branch only */
        self = self * x[k];                       /* its first assignment reads it */
        acc += last * cond + self;
    }
    double m2[2][2] = {{x[2], x[3]}, {x[4] * x[5], 1.0}}; /* nested initializer list */
    return acc + last * x[0] + m2[0][1] * m2[1][0] + m2[1][1] * m2[0][0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pairs_grad(int n, const double *x, double *x_grad);
double locals_tangent(int n, const double *x, const double *x_d, double *locals_d);
double locals_adjoint(int n, const double *x, double *x_b, double locals_b);
double locals_grad(int n, const double *x, double *x_grad);

#define N 8

static double primal(const double *x, void *p) { (void)p; return locals(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return locals_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return locals_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return locals_adjoint(N, x, xb, seed);
}

/* The gradient of pairs, term by term. */
static void pairs_closed_form(const double *x, double *g) {
    for (int k = 0; k < N; k++)
        g[k] = 0.0;
    for (int i = 0; i < N / 2; i++)
        for (int j = 0; j < N; j++) {
            double d = x[2 * i] - x[j];
            g[2 * i] += 2.0 * d * x[2 * i + 1];
            g[j] -= 2.0 * d * x[2 * i + 1];
            g[2 * i + 1] += d * d;
        }
}

int main(void) {
    e2e_begin("loop_adjoint_locals");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 1201u, -1.0, 1.0);
    e2e_scalar s = {.label = "n = 8", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    pairs_grad(N, x, g);
    pairs_closed_form(x, want);
    e2e_expect_close("pairs", "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
