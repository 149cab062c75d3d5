/* Helpers writing through output pointers: a void helper returning two results through double *, a helper accumulating into a local output array (called twice, inputs from a parameter and from a local array), and a helper that reads and updates its pointee in place. */
#include <math.h>
#include <adc.h>

#define MAXN 8

static void polar(double r, double theta, double *px, double *py)
{
    *px = r * cos(theta);
    *py = r * sin(theta);
}

static void accumulate(int n, const double *x, double *acc)
{
    for (int i = 0; i < n; i++)
        acc[i] += x[i] * x[i];
}

static void damp(double *v, double factor)
{
    *v = *v * factor + sin(*v);
}

ADC_DIFF(wrt(x), len(x: n))
double calls_output_pointer(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i + 1 < n; i += 2) {
        double px, py;
        polar(x[i], x[i + 1], &px, &py);
        s += px * py + px;
    }
    double acc[MAXN] = {0.0}, tmp[MAXN];
    for (int i = 0; i < n; i++)
        tmp[i] = 0.5 * x[i] + 1.0;
    accumulate(n, x, acc);
    accumulate(n, tmp, acc);
    for (int i = 0; i < n; i++)
        s += acc[i] * x[(i + 1) % n];
    damp(&s, 0.5);
    damp(&acc[1], 2.0);
    return s + acc[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_output_pointer_tangent(int n, const double *x, const double *x_d,
                                    double *calls_output_pointer_d);
double calls_output_pointer_adjoint(int n, const double *x, double *x_b,
                                    double calls_output_pointer_b);
double calls_output_pointer_grad(int n, const double *x, double *x_grad);

#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return calls_output_pointer(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_output_pointer_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_output_pointer_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_output_pointer_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("calls_output_pointer");
    double x[N];
    e2e_fill(x, N, 81u, -1.0, 1.0);
    e2e_scalar s = {.label = "calls_output_pointer", .n = N, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
