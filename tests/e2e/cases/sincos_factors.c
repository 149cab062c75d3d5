/* sin and cos (sinh and cosh) of one variable called inside larger expressions, the forward
 * kinematics of a planar arm: `px += l[i] * cos(phi); py += l[i] * sin(phi);` with phi
 * accumulated over the trips. factor_calls.c computes each call into a local of its own, in
 * loops too, and companion.c pairs the two across the blocks that makes: the backward sweep of
 * the sin reads the cos of its own trip (taped with the trip: phi changes on every trip), in
 * straight code each reads the other. Next to look-alikes that must not pair: the argument
 * assigned between the two statements on some trips (in a branch), sin next to cosh, a call of
 * an expression. Gradient checked against finite differences and tangent vs adjoint, the arm
 * also against its closed form. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(q), len(q: n))
double reach(int n, const double *q, const double *len) {
    double phi = 0.0, px = 0.0, py = 0.0;
    for (int i = 0; i < n; i++) {
        phi += q[i];
        px += len[i] * cos(phi);
        py += len[i] * sin(phi);
    }
    return (px - 1.5) * (px - 1.5) + (py - 2.0) * (py - 2.0);
}

ADC_DIFF(wrt(x), len(x: n))
double mixed(int n, const double *x) {
    double t = x[0] * x[1], acc = 0.0;
    acc += x[2] * sinh(t) + x[3] * cosh(t);           /* straight code: each reads the other */
    for (int k = 0; k < n; k++) {
        double a = x[k] * x[(k + 1) % n];
        acc += x[k] * cos(a);
        if (k % 3 == 1)
            a = a * 0.5 + x[k];                       /* the argument changes between: no pair */
        acc += x[(k + 2) % n] * sin(a) * sin(a);
        acc += cos(a) * x[(k + 3) % n];               /* the pair of the sin above */
        acc += sin(a + 1.0) * x[k];                   /* a call of an expression: stays */
        acc += x[k] * sin(a) * cosh(a);               /* sin next to cosh: not a pair */
    }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double reach_grad(int n, const double *q, const double *len, double *q_grad);
double reach_tangent(int n, const double *q, const double *q_d, const double *len, double *reach_d);
double reach_adjoint(int n, const double *q, double *q_b, const double *len, double reach_b);
double mixed_tangent(int n, const double *x, const double *x_d, double *mixed_d);
double mixed_adjoint(int n, const double *x, double *x_b, double mixed_b);
double mixed_grad(int n, const double *x, double *x_grad);

#define N 7

static const double lengths[N] = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};

static double reach_f(const double *x, void *p) { (void)p; return reach(N, x, lengths); }
static double reach_g(const double *x, double *g, void *p) { (void)p; return reach_grad(N, x, lengths, g); }
static double reach_t(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return reach_tangent(N, x, v, lengths, dv);
}
static double reach_a(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return reach_adjoint(N, x, xb, lengths, seed);
}
static double mixed_f(const double *x, void *p) { (void)p; return mixed(N, x); }
static double mixed_g(const double *x, double *g, void *p) { (void)p; return mixed_grad(N, x, g); }
static double mixed_t(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return mixed_tangent(N, x, v, dv);
}
static double mixed_a(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return mixed_adjoint(N, x, xb, seed);
}

/* d/dq_j = sum over i >= j of 2 (px - 1.5) (-l_i sin phi_i) + 2 (py - 2) l_i cos phi_i. */
static void reach_closed_form(const double *q, double *g) {
    double phi[N], px = 0.0, py = 0.0, acc = 0.0;
    for (int i = 0; i < N; i++) {
        acc += q[i];
        phi[i] = acc;
        px += lengths[i] * cos(acc);
        py += lengths[i] * sin(acc);
    }
    double tail = 0.0;
    for (int j = N - 1; j >= 0; j--) {
        tail += 2.0 * (px - 1.5) * -lengths[j] * sin(phi[j]) + 2.0 * (py - 2.0) * lengths[j] * cos(phi[j]);
        g[j] = tail;
    }
}

int main(void) {
    e2e_begin("sincos_factors");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 311u, -1.2, 1.2);
    e2e_scalar r = {.label = "reach", .n = N, .x = x, .f = reach_f, .grad = reach_g, .tangent = reach_t,
                    .adjoint = reach_a};
    e2e_run_scalar(&r, NULL);
    reach_grad(N, x, lengths, g);
    reach_closed_form(x, want);
    e2e_expect_close("reach", "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    e2e_scalar m = {.label = "mixed", .n = N, .x = x, .f = mixed_f, .grad = mixed_g, .tangent = mixed_t,
                    .adjoint = mixed_a};
    e2e_run_scalar(&m, NULL);
    return e2e_finish();
}
#endif
