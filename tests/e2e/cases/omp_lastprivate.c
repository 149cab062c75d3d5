/* lastprivate(last): after the loop, last holds the value of the last trip (i = n - 1) and the
 * result uses it; the tangent loop makes last_d lastprivate too, the backward loop runs
 * serially (its adjoint belongs to the last trip alone). A second loop with
 * schedule(guided) and a third with schedule(runtime) keep their schedules; a fourth takes the
 * reduction(max: ...) of an integer with no derivative (the largest active index).
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double omp_lastprivate(int n, const double *x)
{
    double s = 0.0, t = 0.0, u = 0.0, last = 0.0;
    int top = 0;
#pragma omp parallel for lastprivate(last) reduction(+ : s)
    for (int i = 0; i < n; i++) {
        last = x[i] * x[(i + 1) % n];
        s += last * x[i];
    }
#pragma omp parallel for schedule(guided, 2) reduction(+ : t)
    for (int i = 0; i < n; i++)
        t += exp(0.1 * x[i]) * x[n - 1 - i];
#pragma omp parallel for schedule(runtime) reduction(max : top)
    for (int i = 0; i < n; i++)
        if (i % 3 == 1 && i > top)
            top = i;
#pragma omp parallel for schedule(monotonic : dynamic, 3) reduction(+ : u)
    for (int i = 0; i < n; i++)
        u += x[i] * x[top];
    return s + last * last + t * last + u;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_lastprivate_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_lastprivate_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_lastprivate_grad(int n, const double *x, double *x_grad);

enum { N = 37 };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_lastprivate(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_lastprivate_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_lastprivate_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_lastprivate_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_lastprivate");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_lastprivate", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
