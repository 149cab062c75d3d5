/* A local struct whose pointer members hold the arrays of the parameters (`sys_t s = {.y = y,
 * .x = x, ...}`, as codes bundle their state) and whose floating member is read only where its
 * derivative is zero (ceil): the function reads s.x[i] as x[i] (member_blocks.c), so nothing
 * reads the struct's tangent s_d, which gcc then called "set but not used" and -Werror refused
 * the generated file (long-run difftest seed 2004186, README entry 62). Checked against finite
 * differences, the dot-product test, the adjoint's increments and the closed form. */
#include <math.h>
#include <adc.h>

typedef struct {
    int n;
    double *x, *y;
    double c;
} sys_t;

ADC_DIFF(wrt(x, y), len(x: 2, y: 2))
double bundle(double *x, double *y, int n) {
    sys_t s = {.y = y, .x = x, .n = n, .c = x[1]};
    double acc = s.x[0] * s.y[1] + s.y[0];
    return acc + ceil(s.c) * s.x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double bundle_tangent(double *x, double *x_d, double *y, double *y_d, int n, double *bundle_d);
double bundle_adjoint(double *x, double *x_b, double *y, double *y_b, int n, double bundle_b);
double bundle_grad(double *x, double *y, int n, double *x_grad, double *y_grad);

/* p = (x0, x1, y0, y1) */
static double primal(const double *p, void *ctx) {
    (void)ctx;
    double x[2] = {p[0], p[1]}, y[2] = {p[2], p[3]};
    return bundle(x, y, 2);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    double x[2] = {p[0], p[1]}, y[2] = {p[2], p[3]};
    return bundle_grad(x, y, 2, g, g + 2);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double x[2] = {p[0], p[1]}, y[2] = {p[2], p[3]};
    double x_d[2] = {dp[0], dp[1]}, y_d[2] = {dp[2], dp[3]};
    return bundle_tangent(x, x_d, y, y_d, 2, df);
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    (void)ctx;
    double x[2] = {p[0], p[1]}, y[2] = {p[2], p[3]};
    return bundle_adjoint(x, pb, y, pb + 2, 2, seed);
}

int main(void) {
    e2e_begin("struct_members_tangent_unread");
    double p[4] = {0.7, 1.3, -0.4, 0.9}, g[4];
    e2e_scalar c = {.label = "bundle", .n = 4, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&c, g);
    /* f = x0 y1 + y0 + ceil(x1) x1: ceil is flat away from the integers */
    double want[4] = {p[3], ceil(p[1]), 1.0, p[0]};
    e2e_expect_close("bundle", "grad vs closed form", g, want, 4, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
