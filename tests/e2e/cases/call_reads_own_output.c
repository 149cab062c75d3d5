/* A call whose argument is read from memory the call then writes: h(y, y[m - 1]). The
 * backward sweep once read y[m - 1] after the call had changed y (the adjoint gave 2.25 where
 * 2 is right, found by tests/difftest, bug 8); the argument is now read into a variable of its
 * own before the call. Tangent and adjoint against finite differences and each other. */
#include <adc.h>

static void scale_first(double *p, double s) {
    p[0] += s * p[0];
}

static void twice(double *p, double s, double t) {
    p[1] = p[1] * s + t;
    p[0] = p[0] * t;
}

ADC_DIFF(wrt(y), len(y: m), modes(tangent, adjoint))
void reads_own_output(int m, double *y)
{
    scale_first(y, y[m - 1]);
    twice(y, y[0] * y[1], y[2]);
    scale_first(y + 1, y[1]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

void reads_own_output_tangent(int m, double *y, double *y_d);
void reads_own_output_adjoint(int m, double *y, double *y_b);

enum { M = 3 };

static void primal(const double *w, double *y, void *p) {
    (void)p;
    for (int i = 0; i < M; i++)
        y[i] = w[i];
    reads_own_output(M, y);
}
static void tangent(const double *w, const double *v, double *y, double *dy, void *p) {
    (void)p;
    for (int i = 0; i < M; i++) {
        y[i] = w[i];
        dy[i] = v[i];
    }
    reads_own_output_tangent(M, y, dy);
}
static void adjoint(const double *w, const double *yb, double *wb, void *p) {
    (void)p;
    double y[M];
    for (int i = 0; i < M; i++) {
        y[i] = w[i];
        wb[i] = yb[i];
    }
    reads_own_output_adjoint(M, y, wb);
}

int main(void) {
    e2e_begin("call_reads_own_output");
    const double w[M] = {0.5, -0.7, 1.3};
    e2e_vector c = {.label = "reads_own_output", .n = M, .m = M, .x = w, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&c);
    return e2e_finish();
}
#endif
