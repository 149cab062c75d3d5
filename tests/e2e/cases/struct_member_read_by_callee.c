/* A local struct whose member is given a parameter array (`sys_t s = {n, x, m, y, c};`), given
 * to a helper that reads the array through the member, and then the array written through the
 * member (`s.y[0] = ...`) while a loop also writes it, so that the array is taped whole on
 * entry and a write is taped only where the backward sweep reads what it overwrites. The
 * analysis of what the backward sweep reads saw the helper read the struct, not the array it
 * points to: the write through s.y[0] was not taped, and the helper's backward sweep read the
 * new y[0] (difftest seed 2001778: the adjoint 0.8 % off, silently; the tangent right).
 * Tangent, adjoint and grad against finite differences and the dot-product test, and the hvp
 * against differences of the gradient. */
#include <math.h>
#include <string.h>
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static double energy(const sys_t *s, double q) {
    double e = q * s->c;
    for (int k = 0; k < s->m; k++)
        e += s->x[k % s->n] * s->y[k] * s->y[k];
    return e;
}

ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(tangent, adjoint, grad, hvp))
double read_then_written(int n, const double *x, int m, double *y) {
    sys_t s = {n, x, m, y, 0.5};
    double e = energy(&s, x[0]);
    s.y[0] = 0.25 * x[1];
    for (int k = 0; k < m; k++)
        y[k] = 0.5 * y[k] + e * x[0];
    return e * y[m - 1] + y[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double read_then_written_tangent(int n, const double *x, const double *x_d, int m, double *y, double *y_d,
                                 double *read_then_written_d);
double read_then_written_adjoint(int n, const double *x, double *x_b, int m, double *y, double *y_b,
                                 double read_then_written_b);
double read_then_written_grad(int n, const double *x, int m, double *y, double *x_grad, double *y_grad);
int read_then_written_hvp(int n, const double *x, const double *x_v, double *x_hv, int m, double *y,
                          const double *y_v, double *y_hv);

#define NX 2
#define NY 3
#define N (NX + NY)

/* Each route on copies (in = x, y): the function writes y. */
static double primal(const double *in, void *ctx) {
    double y[NY];
    (void)ctx;
    memcpy(y, in + NX, sizeof y);
    return read_then_written(NX, in, NY, y);
}
static double grad(const double *in, double *g, void *ctx) {
    double y[NY];
    (void)ctx;
    memcpy(y, in + NX, sizeof y);
    return read_then_written_grad(NX, in, NY, y, g, g + NX);
}
static double tangent(const double *in, const double *v, double *dv, void *ctx) {
    double y[NY], y_d[NY];
    (void)ctx;
    memcpy(y, in + NX, sizeof y);
    memcpy(y_d, v + NX, sizeof y_d);
    return read_then_written_tangent(NX, in, v, NY, y, y_d, dv);
}
/* y_b on entry is the adjoint of y on exit: zero, for the gradient of the value. */
static double adjoint(const double *in, double *inb, double seed, void *ctx) {
    double y[NY], y_b[NY] = {0};
    (void)ctx;
    memcpy(y, in + NX, sizeof y);
    double value = read_then_written_adjoint(NX, in, inb, NY, y, y_b, seed);
    for (int i = 0; i < NY; i++)
        inb[NX + i] += y_b[i];
    return value;
}

/* hvp against central differences of the gradient along v. */
static void check_hvp(const double *in, const double *v) {
    double y[NY], hv[N], gp[N], gm[N], xp[N], xm[N], fd[N], h = 1e-5;
    memcpy(y, in + NX, sizeof y);
    read_then_written_hvp(NX, in, v, hv, NY, y, v + NX, hv + NX);
    for (int i = 0; i < N; i++) {
        xp[i] = in[i] + h * v[i];
        xm[i] = in[i] - h * v[i];
    }
    grad(xp, gp, NULL);
    grad(xm, gm, NULL);
    for (int i = 0; i < N; i++)
        fd[i] = (gp[i] - gm[i]) / (2.0 * h);
    e2e_expect_close("read_then_written", "hvp vs differences of the gradient", hv, fd, N, 1e-6);
}

int main(void) {
    e2e_begin("struct_member_read_by_callee");
    double in[N] = {0.7, -0.4, 0.9, -0.6, 0.35}, v[N] = {0.3, -0.8, 0.5, 0.2, -0.45}, g[N];
    e2e_scalar s = {.label = "read_then_written", .n = N, .x = in, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    check_hvp(in, v);
    return e2e_finish();
}
#endif
