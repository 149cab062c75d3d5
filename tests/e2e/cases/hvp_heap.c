/* Hessian-vector products (tangent over adjoint) of code using heap memory: malloc'd,
 * calloc'd, aligned_alloc'd and realloc'd work arrays (the adjoint grows the block with
 * adc_realloc_kept, whose tangent grows alike), a block allocated and freed on every trip of a
 * loop (the adjoint tapes each trip's block pointer and its adjoint's; their tangents travel
 * with them on the tape), a block overwritten in place, memcpy and memset of active blocks, an
 * inactive table (its tangent block is zero), an int block of indices (freed late by the
 * adjoint: adc_tape_defer_free), and a helper that allocates and frees a work array of its own.
 * Under the sanitizer build ASan finds any leak of the tangent blocks. Checked against finite
 * differences of the gradient, the symmetry <H u, w> = <u, H w>, and the dense Hessian (an
 * HVP per unit direction) against the vector-tangent Hessian of the same function. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

static double smooth_sum(int n, const double *v)
{
    double *w = malloc(n * sizeof *w);
    for (int i = 0; i < n; i++)
        w[i] = sin(v[i]) * v[(i + 1) % n];
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += w[i] * w[i];
    free(w);
    return s;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian), vector(2))
double hvp_heap(int n, const double *x)
{
    double *coef = malloc(n * sizeof *coef); /* inactive */
    int *next = malloc(n * sizeof *next);
    double *p = calloc(n, sizeof(double));
    double *q = aligned_alloc(64, 64 * sizeof(double));
    for (int i = 0; i < n; i++) {
        coef[i] = 1.0 + 0.25 * i;
        next[i] = (i + 2) % n;
        p[i] = x[i] * x[i];
    }
    for (int i = 0; i < n; i++) /* in place: the old values are read by the partials */
        p[i] = p[i] * cos(p[next[i]]) + coef[i];
    double s = smooth_sum(n, p);
    for (int step = 0; step < 3; step++) {
        double *w = malloc(n * sizeof(double));
        memcpy(w, p, n * sizeof(double));
        for (int i = 0; i < n; i++)
            w[i] = exp(0.1 * w[i]) * s;
        s = 0.5 * s + w[step % n] * w[(step + 1) % n];
        free(w);
    }
    double *r = malloc(2 * sizeof(double));
    r[0] = s;
    r[1] = x[1];
    r = realloc(r, 2 * n * sizeof(double));
    memset(r + 2, 0, (2 * n - 2) * sizeof(double));
    for (int i = 2; i < 2 * n; i++)
        r[i] = r[i - 1] * x[i % n] + r[i - 2];
    q[0] = r[2 * n - 1];
    q[1] = q[0] * x[0];
    s = q[1] + q[0] * s;
    free(r);
    free(q);
    free(p);
    free(next);
    free(coef);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double hvp_heap_grad(int n, const double *x, double *x_grad);
int hvp_heap_hvp(int n, const double *x, const double *x_v, double *x_hv);
int hvp_heap_hessian(int n, const double *x, double *hessian);

#define N 4

static void gradient(const double *x, double *g, void *ctx) {
    (void)ctx;
    hvp_heap_grad(N, x, g);
}

int main(void) {
    e2e_begin("hvp_heap");
    double x[N], u[N], w[N], hu[N], hw[N];
    e2e_fill(x, N, 81u, -0.6, 0.6);
    e2e_fill(u, N, 82u, -1.0, 1.0);
    e2e_fill(w, N, 83u, -1.0, 1.0);
    int st = hvp_heap_hvp(N, x, u, hu) + hvp_heap_hvp(N, x, w, hw);
    e2e_expect_value("n=4", "hvp returns 0", st, 0.0, 0.0);
    adc_check_result r;
    st = adc_check_tangent(N, N, x, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("n=4", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("n=4", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N), e2e_dot(u, hw, N),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, N))));
    double h[N * N], col[N];
    e2e_expect_value("n=4", "hessian returns 0", hvp_heap_hessian(N, x, h), 0.0, 0.0);
    e2e_expect_symmetric("n=4", h, N);
    for (int k = 0; k < N; k++) { /* the vector tangent's columns against one HVP each */
        double unit[N] = {0};
        unit[k] = 1.0;
        hvp_heap_hvp(N, x, unit, col);
        for (int i = 0; i < N; i++)
            e2e_expect_value("n=4", "vector-tangent Hessian column vs HVP of the unit direction", h[i * N + k],
                             col[i], 1e-12 * (1.0 + fabs(col[i])));
    }
    return e2e_finish();
}
#endif
