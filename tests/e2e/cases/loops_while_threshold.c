/* Data-dependent trip counts: a while loop that runs until an active value crosses a threshold, a do-while Newton iteration with an active convergence test, a do-while with continue, a while (1) left by break on an active test; int counter times active value. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a, b))
double loops_while_threshold(double a, double b, double threshold)
{
    double s = a;
    int k = 0;
    while (s < threshold) {
        s = s * 1.3 + b;
        k++;
    }
    double t = s;
    do {
        t = 0.5 * (t + b / t);
    } while (fabs(t * t - b) > 1e-13 * b);
    double u = a;
    int j = 0;
    do {
        j++;
        if (j % 2 == 0)
            continue;
        u = u * (1.0 + 0.1 * b);
    } while (u < 2.0 * threshold && j < 1000);
    double v = b;
    while (1) {
        v = 1.5 * v + 0.1 * a;
        if (v > threshold)
            break;
    }
    return s + k * a + t * u + 0.1 * v;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double loops_while_threshold_tangent(double a, double a_d, double b, double b_d, double threshold,
                                     double *loops_while_threshold_d);
double loops_while_threshold_adjoint(double a, double *a_b, double b, double *b_b,
                                     double threshold, double loops_while_threshold_b);
double loops_while_threshold_grad(double a, double b, double threshold, double *a_grad,
                                  double *b_grad);

static const double threshold = 10.0;

static double primal(const double *x, void *p) {
    (void)p;
    return loops_while_threshold(x[0], x[1], threshold);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return loops_while_threshold_grad(x[0], x[1], threshold, &g[0], &g[1]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return loops_while_threshold_tangent(x[0], v[0], x[1], v[1], threshold, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return loops_while_threshold_adjoint(x[0], &xb[0], x[1], &xb[1], threshold, seed);
}

int main(void) {
    e2e_begin("loops_while_threshold");
    /* s: 1.2 2.26 3.64 5.43 7.76 10.79 (k = 5, 7% past the threshold); t -> sqrt(0.7);
     * u = 1.2 * 1.07^m crosses 20 at m = 42 (3% margin either side);
     * v: 0.7 1.17 1.88 2.93 4.52 6.90 10.47 (break after 6 iterations). */
    const double x[2] = {1.2, 0.7};
    double g[2];
    e2e_scalar s = {.label = "a=1.2 b=0.7", .n = 2, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* Closed form for these trip counts: s = 1.3^5 a + b (1.3^5 - 1) / 0.3, t = sqrt(b),
     * u = a (1 + 0.1 b)^42, v = 1.5^6 b + 0.1 a (1.5^6 - 1) / 0.5. */
    double q = pow(1.3, 5.0), u = x[0] * pow(1.0 + 0.1 * x[1], 42.0), t = sqrt(x[1]);
    double q6 = pow(1.5, 6.0);
    double ref[2] = {q + 5.0 + t * u / x[0] + 0.1 * 0.2 * (q6 - 1.0),
                     (q - 1.0) / 0.3 + 0.5 / t * u +
                         t * x[0] * 42.0 * 0.1 * pow(1.0 + 0.1 * x[1], 41.0) + 0.1 * q6};
    e2e_expect_close(s.label, "grad vs closed form for the trip counts taken", g, ref, 2,
                     E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
