/* Local work arrays a loop fills from values that keep one value while the function runs: the
 * backward sweep fills them again where it begins instead of taping them (analysis/refill.c),
 * also when a struct of pointers hands them to a solver that only reads through it, or a helper
 * takes them as const; and still tapes them when the solver writes through the struct (an
 * elimination in place), when a fill reads a variable assigned again later, when a second loop
 * writes the array, or when a helper writes it through a pointer. Gradient and hvp checked
 * against finite differences, tangent against adjoint (the dot-product test); each taped case
 * gives a wrong adjoint if its array is filled again instead. */
#include <adc.h>
#include <math.h>

#define M 8

typedef struct {
    int n;
    double *a, *b, *c;
} tri;

/* Thomas algorithm reading the system through A (NR's tridag): its arrays are filled again. */
static void solve_reading(const tri *A, const double *r, double *u) {
    double gam[M], bet = A->b[0];
    u[0] = r[0] / bet;
    for (int j = 1; j < A->n; j++) {
        gam[j] = A->c[j - 1] / bet;
        bet = A->b[j] - A->a[j] * gam[j];
        u[j] = (r[j] - A->a[j] * u[j - 1]) / bet;
    }
    for (int j = A->n - 2; j >= 0; j--)
        u[j] -= gam[j + 1] * u[j + 1];
}

/* The same by elimination in place, in A->b and r: the diagonal stays taped. */
static void solve_in_place(const tri *A, double *r, double *u) {
    for (int j = 1; j < A->n; j++) {
        double m = A->a[j] / A->b[j - 1];
        A->b[j] -= m * A->c[j - 1];
        r[j] -= m * r[j - 1];
    }
    u[A->n - 1] = r[A->n - 1] / A->b[A->n - 1];
    for (int j = A->n - 2; j >= 0; j--)
        u[j] = (r[j] - A->c[j] * u[j + 1]) / A->b[j];
}

static double weighted(int n, const double *w, const double *x) {
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += w[i] * x[i] * x[i];
    return s;
}

static void scale(int n, double *w, double f) {
    for (int i = 0; i < n; i++)
        w[i] *= f;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double refilled_arrays(int n, const double *x) {
    double lower[M], diag[M], upper[M], rhs[M], u[M];
    double lo2[M], di2[M], up2[M], rhs2[M], u2[M];
    double p[M], v[M], w[M], z[M];
    tri A = {n, lower, diag, upper}, B = {n, lo2, di2, up2};
    double s = 0.0, c = x[0];
    for (int i = 0; i < n; i++) { /* filled again: lower, diag, upper; rhs (a sine) is taped */
        lower[i] = -0.3 * x[0];
        diag[i] = 2.0 + x[i] * x[i];
        if (i < n - 1)
            upper[i] = 0.5 * x[i + 1];
        else
            upper[i] = 0.0;
        rhs[i] = sin(x[i]);
    }
    solve_reading(&A, rhs, u);
    for (int i = 0; i < n; i++) { /* di2 is changed by the solver: taped */
        lo2[i] = -0.3 * x[0];
        di2[i] = 2.0 + x[i] * x[i];
        up2[i] = 0.4 * x[i];
        rhs2[i] = x[i];
    }
    solve_in_place(&B, rhs2, u2);
    for (int i = 0; i < n; i++) { /* p filled again (a const helper reads it); v reads c, assigned below */
        p[i] = x[i] * x[i] + 1.0;
        v[i] = c * x[i];
    }
    c = c * x[1];
    for (int i = 0; i < n; i++)
        w[i] = x[i] * x[i];
    for (int i = 1; i < n; i++) /* a second loop writes w: taped */
        w[i] = w[i] * x[i] + w[i - 1];
    for (int i = 0; i < n; i++)
        z[i] = x[i] + 1.0;
    scale(n, z, 0.5 + x[0] * x[0]); /* a helper writes z: taped */
    s += weighted(n, p, x);
    for (int i = 0; i < n; i++)
        s += u[i] * diag[i] * x[i] + u2[i] * di2[i] * x[i] + v[i] * v[i] * c + w[i] * w[i] + z[i] * z[i] * x[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double refilled_arrays_tangent(int n, const double *x, const double *x_d, double *refilled_arrays_d);
double refilled_arrays_adjoint(int n, const double *x, double *x_b, double refilled_arrays_b);
double refilled_arrays_grad(int n, const double *x, double *x_grad);
int refilled_arrays_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *x, void *q) { (void)q; return refilled_arrays(N, x); }
static double grad(const double *x, double *g, void *q) { (void)q; return refilled_arrays_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *q) {
    (void)q;
    return refilled_arrays_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *q) {
    (void)q;
    return refilled_arrays_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *q) {
    (void)q;
    return refilled_arrays_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("refilled_arrays");
    double x[N] = {0.7, 0.4, 0.9, 0.3, 0.8}, g[N];
    e2e_scalar s = {.label = "x", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
