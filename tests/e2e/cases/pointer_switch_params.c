/* A requested function that swaps its own in-out pointer parameters between passes
 * (ping-pong buffers: t = a; a = b; b = t;): the adjoint seeds and results stay with the
 * caller's arrays. Checked against finite differences and tangent against adjoint. */
#include <math.h>
#include <adc.h>
ADC_DIFF(wrt(a, b), len(a: n, b: n))
void pointer_switch_params(int n, double *a, double *b)
{
    for (int k = 0; k < 3; k++) {
        for (int i = 1; i + 1 < n; i++)
            b[i] = 0.5 * (a[i - 1] + sin(a[i + 1])) * a[i];
        b[0] = a[0] * a[n - 1];
        b[n - 1] = a[1];
        double *t = a;
        a = b;
        b = t;
    }
}
#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

void pointer_switch_params_tangent(int n, double *a, double *a_d, double *b, double *b_d);
void pointer_switch_params_adjoint(int n, double *a, double *a_b, double *b, double *b_b);

#define N 4
static void primal(const double *in, double *out, void *p) {
    (void)p;
    memcpy(out, in, sizeof(double) * 2 * N);
    pointer_switch_params(N, out, out + N);
}
static void tangent(const double *in, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, in, sizeof(double) * 2 * N);
    memcpy(jv, v, sizeof(double) * 2 * N);
    pointer_switch_params_tangent(N, y, jv, y + N, jv + N);
}
static void adjoint(const double *in, const double *w, double *jtw, void *p) {
    (void)p;
    double y[2 * N];
    memcpy(y, in, sizeof y);
    memcpy(jtw, w, sizeof y);
    pointer_switch_params_adjoint(N, y, jtw, y + N, jtw + N);
}
int main(void) {
    e2e_begin("pointer_switch_params");
    double x[2 * N];
    e2e_fill(x, 2 * N, 5u, -1.0, 1.0);
    e2e_vector s = {.label = "pointer_switch_params", .n = 2 * N, .m = 2 * N, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
