/* posix_memalign, as aligned numerical codes allocate their work arrays: a 64-byte aligned
 * block holding a smoothed copy of the input, in every first-order mode. Once refused:
 * "'posix_memalign' (its block comes back through a pointer to the pointer) is not
 * supported". The statement becomes p = adc_memalign(64, size), an allocation adc follows
 * like aligned_alloc (a zeroed shadow block beside it). FD, tangent against grad (dot
 * product), the closed form. The feature-test macro the source defines before its includes
 * comes before the generated file's includes too (it came after them, where it is an error). */
#define _POSIX_C_SOURCE 200112L /* posix_memalign, under -std=c11 */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double heap_posix_memalign(int n, const double *x)
{
    double *w = NULL;
    double s = 0.0;
    posix_memalign((void **)&w, 64, n * sizeof(double));
    for (int i = 0; i < n; i++)
        w[i] = 0.5 * x[i] + 0.25 * (x[(i + 1) % n] + x[(i + n - 1) % n]);
    for (int i = 0; i < n; i++)
        s += w[i] * sin(w[i]);
    free(w);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_posix_memalign_tangent(int n, const double *x, const double *x_d, double *d);
double heap_posix_memalign_grad(int n, const double *x, double *x_grad);

enum { N = 7 };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return heap_posix_memalign(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return heap_posix_memalign_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *d, void *ctx) {
    (void)ctx;
    return heap_posix_memalign_tangent(N, x, v, d);
}

int main(void) {
    e2e_begin("heap_posix_memalign");
    double x[N];
    e2e_fill(x, N, 4u, -1.0, 1.0);
    e2e_scalar c = {.label = "smoothed", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent};
    double g[N];
    e2e_run_scalar(&c, g);
    /* d/dx_j = sum_i (sin w_i + w_i cos w_i) dw_i/dx_j, w_i = x_i / 2 + (x_{i+1} + x_{i-1}) / 4 */
    double want[N] = {0};
    for (int i = 0; i < N; i++) {
        double w = 0.5 * x[i] + 0.25 * (x[(i + 1) % N] + x[(i + N - 1) % N]);
        double dw = sin(w) + w * cos(w);
        want[i] += 0.5 * dw;
        want[(i + 1) % N] += 0.25 * dw;
        want[(i + N - 1) % N] += 0.25 * dw;
    }
    e2e_expect_close("smoothed", "grad against the closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
