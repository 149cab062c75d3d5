/* Two pointer outputs of different lengths (double *y of length n and double *norm of length 1) from one input array, default modes; dot-product test; output adjoints zero on return, input adjoints incremented. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, y, norm), len(x: n, y: n, norm: 1))
void normalize(int n, const double *x, double *y, double *norm)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    double r = sqrt(s);
    *norm = r;
    for (int i = 0; i < n; i++)
        y[i] = x[i] / r;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

void normalize_tangent(int n, const double *x, const double *x_d, double *y, double *y_d,
                       double *norm, double *norm_d);
void normalize_adjoint(int n, const double *x, double *x_b, double *y, double *y_b, double *norm,
                       double *norm_b);

#define N 5
/* Outputs packed as (y[0..N), norm). */
static void primal(const double *x, double *out, void *p) {
    (void)p;
    normalize(N, x, out, out + N);
}
static void tangent(const double *x, const double *v, double *out, double *jv, void *p) {
    (void)p;
    normalize_tangent(N, x, v, out, jv, out + N, jv + N);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double y[N], yb[N + 1], xb[N], norm;
    for (int k = 0; k < N + 1; k++)
        yb[k] = w[k];
    for (int i = 0; i < N; i++)
        xb[i] = -0.5; /* adjoints of inputs are incremented: subtract what was there */
    normalize_adjoint(N, x, xb, y, yb, &norm, yb + N);
    for (int i = 0; i < N; i++)
        jtw[i] = xb[i] + 0.5;
    double zero[N + 1] = {0.0};
    e2e_expect_close("normalize", "y_b and norm_b are zero on return", yb, zero, N + 1,
                     E2E_EXACT_TOL);
}

int main(void) {
    e2e_begin("normalize_outputs");
    double x[N];
    e2e_fill(x, N, 101u, -1.0, 1.0);
    e2e_vector s = {.label = "normalize", .n = N, .m = N + 1, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
