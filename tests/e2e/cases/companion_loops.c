/* sin and cos (sinh and cosh) of one variable in a loop trip where the cos comes first
 * (companion.c): the cos's backward sweep reads the sin of its own trip, which the forward
 * sweep tapes after computing it and the sin's backward sweep pops back, when no other
 * statement's backward sweep reads that sin; else the cos's backward sweep calls sin again.
 * Covers: the arm's forward kinematics (paired, phi never taped); the sin squared by a later
 * statement (not paired); the sin read after the loop (not paired); a `continue` between the
 * two (not paired); the sin of the trip before read at the top of the next (assigned before
 * the loop too: not paired); sinh and cosh in an inner loop (paired). Gradient checked against finite
 * differences and tangent vs adjoint, the Hessian-vector product (second order reads the
 * generated code back) against differences of the gradient and for symmetry. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double arm(int n, const double *x) {
    double phi = 0.0, px = 0.0, py = 0.0;
    for (int i = 0; i < n; i++) {
        phi += x[i];
        px += (1.0 - 0.1 * i) * cos(phi);
        py += (1.0 - 0.1 * i) * sin(phi);
    }
    return (px - 1.5) * (px - 1.5) + (py - 2.0) * (py - 2.0);
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double squared(int n, const double *x) {
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
        double t = x[i] * x[(i + 1) % n];
        double c = cos(t);
        double s = sin(t);
        acc += x[i] * c + s * s;                   /* reads s's value: no pair */
    }
    return acc;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double after(int n, const double *x) {
    double acc = 0.0, c = 0.0, s = 0.0;
    for (int i = 0; i < n; i++) {
        double t = x[i] + 0.5 * x[(i + 2) % n];
        c = cos(t);
        s = sin(t);
        acc += x[i] * c + 2.0 * s;
    }
    return acc * s;                                /* the last trip's s: no pair */
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double skipping(int n, const double *x) {
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
        double t = x[i] * 1.5;
        double c = cos(t);
        acc += x[(i + 1) % n] * c;
        if (i % 3 == 2)
            continue;                              /* a jump between the two: no pair */
        double s = sin(t);
        acc += 0.5 * s;
    }
    return acc * acc;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double previous(int n, const double *x) {
    double acc = 0.0, s = 0.0;
    for (int i = 0; i < n; i++) {
        acc += 0.25 * s;                           /* the trip before's s (assigned before the loop too: no pair) */
        double t = x[i] - x[(i + 3) % n];
        double c = cos(t);
        s = sin(t);
        acc += x[i] * c + 0.5 * s;
    }
    return acc * acc;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double inner(int n, const double *x) {
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
        double u = x[i];
        for (int j = 0; j < 3; j++) {
            u = 0.5 * u + 0.1 * x[(i + j) % n];
            double ch = cosh(u);
            acc += x[j] * ch;
            double sh = sinh(u);
            acc += 0.3 * sh;
        }
    }
    return acc * acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 7

#define ROUTES(name)                                                                             \
    double name##_tangent(int n, const double *x, const double *x_d, double *f_d);               \
    double name##_adjoint(int n, const double *x, double *x_b, double f_b);                      \
    double name##_grad(int n, const double *x, double *x_grad);                                  \
    int name##_hvp(int n, const double *x, const double *x_v, double *x_hv);                     \
    static double name##_f(const double *x, void *p) { (void)p; return name(N, x); }             \
    static double name##_g(const double *x, double *g, void *p) { (void)p; return name##_grad(N, x, g); } \
    static double name##_t(const double *x, const double *v, double *dv, void *p) {              \
        (void)p;                                                                                 \
        return name##_tangent(N, x, v, dv);                                                      \
    }                                                                                            \
    static double name##_a(const double *x, double *xb, double seed, void *p) {                  \
        (void)p;                                                                                 \
        return name##_adjoint(N, x, xb, seed);                                                   \
    }                                                                                            \
    static int name##_h(const double *x, const double *v, double *hv, void *p) {                 \
        (void)p;                                                                                 \
        return name##_hvp(N, x, v, hv);                                                          \
    }                                                                                            \
    static void name##_run(double *x) {                                                          \
        e2e_scalar c = {.label = #name, .n = N, .x = x, .f = name##_f, .grad = name##_g,         \
                        .tangent = name##_t, .adjoint = name##_a, .hvp = name##_h};              \
        e2e_run_scalar(&c, NULL);                                                                \
    }

ROUTES(arm)
ROUTES(squared)
ROUTES(after)
ROUTES(skipping)
ROUTES(previous)
ROUTES(inner)

int main(void) {
    e2e_begin("companion_loops");
    double x[N];
    e2e_fill(x, N, 9091u, -0.9, 0.9);
    arm_run(x);
    squared_run(x);
    after_run(x);
    skipping_run(x);
    previous_run(x);
    inner_run(x);
    return e2e_finish();
}
#endif
