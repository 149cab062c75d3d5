/* A requested vector-valued function that moves its input and its in-out output parameter
 * (y += n - 1, y -= 1, x++, x -= 1 under a condition): checked against finite differences
 * and tangent against adjoint (dot product). */
#include <math.h>
#include <adc.h>
ADC_DIFF(wrt(x, y), len(x: n, y: n))
void pointer_moves_outputs(int n, const double *x, double *y)
{
    y += n - 1;
    for (int i = 0; i < n; i++) {
        *y = *y * x[0] + sin(x[1]);
        x++;
        y -= 1;
        if (i + 2 >= n)
            x -= 1;
    }
}
#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

void pointer_moves_outputs_tangent(int n, const double *x, const double *x_d, double *y, double *y_d);
void pointer_moves_outputs_adjoint(int n, const double *x, double *x_b, double *y, double *y_b);

#define N 4
static void primal(const double *in, double *out, void *p) {
    (void)p;
    memcpy(out, in + N, sizeof(double) * N);
    pointer_moves_outputs(N, in, out);
}
static void tangent(const double *in, const double *v, double *y, double *jv, void *p) {
    (void)p;
    memcpy(y, in + N, sizeof(double) * N);
    memcpy(jv, v + N, sizeof(double) * N);
    pointer_moves_outputs_tangent(N, in, v, y, jv);
}
static void adjoint(const double *in, const double *w, double *jtw, void *p) {
    (void)p;
    double y[N];
    memcpy(y, in + N, sizeof y);
    memcpy(jtw + N, w, sizeof y);
    pointer_moves_outputs_adjoint(N, in, jtw, y, jtw + N);
}
int main(void) {
    e2e_begin("pointer_moves_outputs");
    double x[2 * N];
    e2e_fill(x, 2 * N, 5u, -1.0, 1.0);
    e2e_vector s = {.label = "pointer_moves_outputs", .n = 2 * N, .m = N, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    return e2e_finish();
}
#endif
