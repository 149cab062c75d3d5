/* Vector-valued: void f(int n, const double *x, double *y) with wrt(x, y), y a pure output of length n-1 (non-square Jacobian) written, then updated with += and *=; dot-product test; y_b is zero on return and x_b is incremented. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, y), len(x: n, y: n - 1))
void output_pointer(int n, const double *x, double *y)
{
    for (int i = 0; i + 1 < n; i++) {
        y[i] = x[i] * exp(-x[i + 1]);
        y[i] += sin(x[i + 1]) * x[0];
        y[i] *= 1.0 + 0.1 * i;
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

void output_pointer_tangent(int n, const double *x, const double *x_d, double *y, double *y_d);
void output_pointer_adjoint(int n, const double *x, double *x_b, double *y, double *y_b);

#define N 7
static void primal(const double *x, double *y, void *p) {
    (void)p;
    output_pointer(N, x, y);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    output_pointer_tangent(N, x, v, y, jv);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double y[N - 1], yb[N - 1], xb[N];
    for (int k = 0; k < N - 1; k++)
        yb[k] = w[k];
    for (int i = 0; i < N; i++)
        xb[i] = 1.0; /* adjoints of inputs are incremented: subtract what was there */
    output_pointer_adjoint(N, x, xb, y, yb);
    for (int i = 0; i < N; i++)
        jtw[i] = xb[i] - 1.0;
    double zero[N - 1] = {0.0};
    e2e_expect_close("output_pointer", "y_b is zero on return (y's entry value is unused)", yb,
                     zero, N - 1, E2E_EXACT_TOL);
}

int main(void) {
    e2e_begin("output_pointer");
    double x[N];
    e2e_fill(x, N, 91u, -1.0, 1.0);
    e2e_vector s = {.label = "output_pointer", .n = N, .m = N - 1, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
