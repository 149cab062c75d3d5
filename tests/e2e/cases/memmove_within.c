/* memmove within one array, as history buffers and shift registers use it: to the left
 * (`memmove(h, h + 1, ...)`, copied upward), to the right (`memmove(&h[2], &h[1], ...)`,
 * copied downward, from the last element), by an offset known at run time only (`h + shift`,
 * both ways), and through one pointer variable (`w` and `w + 1`). adc refused each before (it
 * took memmove for a memcpy between different variables only). Checked against finite
 * differences, the dot-product test, the adjoint's increments, and hvp against finite
 * differences of the gradient and its symmetry, with shift 1 (upward) and 3 (downward). */
#include <math.h>
#include <string.h>
#include <adc.h>

#define H 8

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double history(int n, int shift, const double *x) {
    double h[H];
    for (int i = 0; i < H; i++)
        h[i] = x[i % n] * x[(i + 1) % n] + 0.1 * i;
    memmove(h, h + 1, (H - 1) * sizeof(double));
    h[H - 1] = sin(x[0]);
    memmove(&h[2], &h[1], 5 * sizeof h[0]);
    h[1] = cos(h[0]) * x[1];
    memmove(h + shift, h + 2, 4 * sizeof(double));
    double *w = h;
    memmove(w, w + 1, 3 * sizeof *w);
    double s = 0.0;
    for (int i = 0; i < H; i++)
        s += h[i] * h[(i + 3) % H] * (i + 1);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double history_tangent(int n, int shift, const double *x, const double *x_d, double *history_d);
double history_adjoint(int n, int shift, const double *x, double *x_b, double history_b);
double history_grad(int n, int shift, const double *x, double *x_grad);
int history_hvp(int n, int shift, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *x, void *p) {
    return history(N, *(const int *)p, x);
}
static double grad(const double *x, double *g, void *p) {
    return history_grad(N, *(const int *)p, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return history_tangent(N, *(const int *)p, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return history_adjoint(N, *(const int *)p, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    return history_hvp(N, *(const int *)p, x, v, hv);
}

int main(void) {
    e2e_begin("memmove_within");
    double x[N];
    e2e_fill(x, N, 61u, -0.8, 0.8);
    int shifts[2] = {1, 3};
    const char *labels[2] = {"history shift 1 (upward)", "history shift 3 (downward)"};
    for (int k = 0; k < 2; k++) {
        e2e_scalar s = {.label = labels[k], .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .hvp = hvp, .ctx = &shifts[k]};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
