/* A helper given &s, a local struct whose member s.y is the array parameter y, reads y through
 * it; a later write to y (by either name) must be saved for the helper's backward sweep, which
 * reads y as the helper saw it. It was not (difftest seed 31511, README bug 60): the analysis
 * of what the backward sweep reads counted the call as reading s, not y, so `s.y[0] += 1.0`
 * after `g(&s)` went untaped and g's backward sweep used the new y[0] (gradient 18.75 against
 * 0.75). Gradient against FD, tangent (dot test), y after the adjoint. */
#include <math.h>
#include <adc.h>

typedef struct { int m; double *y; double c; } sys_t;

static double cubes(const sys_t *s) {
    double r = s->c;
    for (int i = 0; i < s->m; i++)
        r += pow(s->y[i], 3);
    return r;
}

ADC_DIFF(wrt(a, y), len(y: m), modes(tangent, adjoint, grad))
double relax(double a, int m, double *y) {
    sys_t s = {m, y, a * a};
    double r = cubes(&s);
    for (int k = 0; k < 2; k++)
        s.y[0] += cos(k * 1.25);
    y[m - 1] += 0.5;
    return r + a * y[0];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double relax_tangent(double a, double a_d, int m, double *y, double *y_d, double *relax_d);
double relax_adjoint(double a, double *a_b, int m, double *y, double *y_b, double relax_b);
double relax_grad(double a, int m, double *y, double *a_grad, double *y_grad);

enum { M = 3, P = 1 + M };

static double primal(const double *p, void *ctx) {
    (void)ctx;
    double y[M];
    memcpy(y, p + 1, sizeof y);
    return relax(p[0], M, y);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    double y[M];
    memcpy(y, p + 1, sizeof y);
    return relax_grad(p[0], M, y, g, g + 1);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double y[M], y_d[M];
    memcpy(y, p + 1, sizeof y);
    memcpy(y_d, dp + 1, sizeof y_d);
    return relax_tangent(p[0], dp[0], M, y, y_d, df);
}

int main(void) {
    e2e_begin("struct_member_call_save");
    double p[P];
    e2e_fill(p, P, 5u, -0.9, 0.9);
    e2e_scalar c = {.label = "relax", .n = P, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);

    double y[M], b[P] = {0};
    memcpy(y, p + 1, sizeof y);
    relax_adjoint(p[0], b, M, y, b + 1, 1.0);
    e2e_expect_close("adjoint", "y as on entry after the adjoint", y, p + 1, M, 0.0);
    return e2e_finish();
}
#endif
