/* Side effects inside expressions, as C codes write them: out[k++] = ..., a = b = ..., a
 * prefix ++ and a compound assignment used as values, a post-decrement index, an assignment
 * in a declaration's initializer. Each runs as a statement in C's order; the tangent and
 * adjoint are checked against finite differences and each other. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, out), len(x: n, out: n))
void effects(int n, const double *x, double *out)
{
    int k = 0, i = n;
    double a, b, t[2] = {1.0, 2.0};
    while (i > 0) {
        i--;
        out[k++] += x[i] * x[i];
    }
    a = b = x[0] * 3.0;
    out[0] += a * b;
    double c = ++t[0] * x[1];
    out[1] += c + (t[1] += x[0]) * x[2];
    int j = n;
    double s = 0.0;
    while (j > 1)
        s += x[--j] * out[0];
    double last = out[n - 1] = sin(s);
    out[2] *= last;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

void effects_tangent(int n, const double *x, const double *x_d, double *out, double *out_d);
void effects_adjoint(int n, const double *x, double *x_b, double *out, double *out_b);

enum { N = 5 };

static void primal(const double *w, double *y, void *p) {
    (void)p;
    for (int i = 0; i < N; i++)
        y[i] = w[N + i];
    effects(N, w, y);
}
static void tangent(const double *w, const double *v, double *y, double *dy, void *p) {
    (void)p;
    for (int i = 0; i < N; i++) {
        y[i] = w[N + i];
        dy[i] = v[N + i];
    }
    effects_tangent(N, w, v, y, dy);
}
static void adjoint(const double *w, const double *yb, double *wb, void *p) {
    (void)p;
    double y[N], ybar[N];
    for (int i = 0; i < N; i++) {
        y[i] = w[N + i];
        ybar[i] = yb[i];
    }
    effects_adjoint(N, w, wb, y, ybar);
    for (int i = 0; i < N; i++)
        wb[N + i] = ybar[i];
}

int main(void) {
    e2e_begin("expression_effects");
    double w[2 * N];
    e2e_fill(w, 2 * N, 11, -1.0, 1.0);
    e2e_vector c = {.label = "effects", .n = 2 * N, .m = N, .x = w, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&c);
    return e2e_finish();
}
#endif
