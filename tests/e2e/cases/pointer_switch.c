/* Pointers switched between arrays (issue 13, reproducers 9 and 10): ping-pong buffers
 * swapped between passes (Stam's SWAP macro: Needs libclang >= 17) in a helper and in the requested function
 * itself, a pointer chosen by ?: and by if/else between two local arrays (at offsets) and
 * then written through, one chosen anew in each trip of a loop while the arrays are also
 * read directly, inactive tables chosen in each trip, and arrays read only through a switched
 * pointer before a helper overwrites them. The shadow follows the array the pointer points into in every mode (a which
 * index travels with it on the tape): checked against finite differences, tangent against
 * adjoint (dot product), the Hessian-vector product and the Hessian against finite
 * differences of the gradient, and the vector tangent against the scalar tangent. */
#include <math.h>
#include <adc.h>

#define SWAP(x0, x) {double *tmp = x0; x0 = x; x = tmp;}

static void smooth(int n, double *x0, double *x, int passes)
{
    for (int k = 0; k < passes; k++) {
        for (int i = 1; i + 1 < n; i++)
            x[i] = 0.25 * x0[i - 1] + 0.5 * x0[i] * x0[i] + 0.25 * x0[i + 1];
        x[0] = x0[0];
        x[n - 1] = sin(x0[n - 1]);
        SWAP(x0, x);
    }
}

static double pick(const double *x)
{
    double a[3] = {x[0], x[1], x[2]}, b[3] = {x[2], x[0], x[1]};
    double *t = x[0] > x[1] ? a + 1 : b;
    t[0] *= x[2];
    t[1] += t[0] * x[1];
    double *u;
    if (x[1] > x[2])
        u = a;
    else
        u = &b[1];
    u[1] = u[0] * u[1] + a[0];
    double s = 0.0;
    for (int k = 0; k < 4; k++) {
        const double *r = k % 2 ? a : b;
        s += r[k % 3] * a[k % 3] + b[2];
        a[k % 3] = cos(r[(k + 1) % 3]);
    }
    return s + a[0] * b[0] + a[1] + b[1] * a[2];
}

/* Inactive local tables chosen anew in each trip: the backward sweep reads them. */
static double tables(int n, const double *x)
{
    double ta[3], tb[3];
    for (int i = 0; i < 3; i++) {
        ta[i] = 1.0 + i;
        tb[i] = 2.0 - 0.5 * i;
    }
    double s = 0.0;
    for (int k = 0; k < n; k++) {
        const double *c = k % 2 ? ta : tb;
        s += sin(c[k % 3] * x[k]) * x[k];
    }
    return s;
}

/* Overwrites v without reading it: callers tape their array around the call when they read
 * its old values later (kept.c). */
static void refill(int n, double *v)
{
    for (int i = 0; i < n; i++)
        v[i] = 0.5 * i;
}

/* Reads a local array only through a switched pointer before refill overwrites it. */
static double before_refill(const double *x)
{
    double a[3] = {x[0], x[1], x[2]}, b[3] = {x[3], x[4], x[5]};
    const double *r = x[0] > 0.0 ? a : b;
    double s = sin(r[0] * r[1]);
    refill(3, a);
    refill(3, b);
    return s + a[0] + b[1];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp, hessian), vector(3))
double pointer_switch(int n, const double *x)
{
    double a[6], b[6];
    for (int i = 0; i < n; i++) {
        a[i] = x[i];
        b[i] = 0.0;
    }
    smooth(n, a, b, 3);
    double *p = a, *q = b;
    for (int k = 0; k < 2; k++) {
        q[k] = p[k] * p[k + 1];
        SWAP(p, q);
    }
    double s = pick(x) + pick(x + 3) + tables(n, x) + before_refill(x);
    for (int i = 0; i < n; i++)
        s += a[i] * (i + 1) + b[i] * p[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_switch_tangent(int n, const double *x, const double *x_d, double *pointer_switch_d);
double pointer_switch_tangent_vector(int n, const double *x, const double (*x_d)[3], double *pointer_switch_d);
double pointer_switch_adjoint(int n, const double *x, double *x_b, double pointer_switch_b);
double pointer_switch_grad(int n, const double *x, double *x_grad);
int pointer_switch_hvp(int n, const double *x, const double *x_v, double *x_hv);
int pointer_switch_hessian(int n, const double *x, double *h);

#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return pointer_switch(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_switch_grad(N, x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    pointer_switch_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_switch_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_switch_adjoint(N, x, xb, seed);
}

/* The checks at one point (the choices of ?: and if/else depend on it). */
static void check_at(const char *label, const double *x) {
    double v[N], hv[N], h[N * N], column[N];
    e2e_scalar s = {.label = label, .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_fill(v, N, 14u, -1.0, 1.0);
    e2e_expect_value(label, "hvp returns 0", pointer_switch_hvp(N, x, v, hv), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value(label, "hessian returns 0", pointer_switch_hessian(N, x, h), 0.0, 0.0);
    for (int j = 0; j < N; j++) {
        double e[N] = {0};
        e[j] = 1.0;
        for (int i = 0; i < N; i++)
            column[i] = h[i * N + j];
        st = adc_check_tangent(N, N, x, e, column, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian column vs finite differences of the gradient", st, &r);
    }
    double directions[N][3], dv[3], want[3];
    for (int k = 0; k < 3; k++) {
        e2e_fill(v, N, 20u + (unsigned)k, -1.0, 1.0);
        for (int i = 0; i < N; i++)
            directions[i][k] = v[i];
        pointer_switch_tangent(N, x, v, &want[k]);
    }
    pointer_switch_tangent_vector(N, x, (const double (*)[3])directions, dv);
    e2e_expect_close(label, "vector tangent directions equal scalar tangents", dv, want, 3, E2E_EXACT_TOL);
}

int main(void) {
    e2e_begin("pointer_switch");
    double x[N] = {0.9, 0.2, -0.4, -0.3, 0.5, 0.1}; /* both ways at each choice */
    check_at("pointer_switch", x);
    e2e_fill(x, N, 13u, -1.0, 1.0);
    check_at("pointer_switch random point", x);
    return e2e_finish();
}
#endif
