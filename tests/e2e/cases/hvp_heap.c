/* Hessian-vector products (tangent over adjoint) of code using heap memory: malloc'd,
 * calloc'd, aligned_alloc'd and realloc'd work arrays (the adjoint grows the block with
 * adc_realloc_kept, whose tangent grows alike), a block allocated and freed on every trip of a
 * loop (the adjoint tapes each trip's block pointer and its adjoint's; their tangents travel
 * with them on the tape), a block overwritten in place, memcpy and memset of active blocks, an
 * inactive table (its tangent block is zero), an int block of indices (freed late by the
 * adjoint: adc_tape_defer_free), a block from posix_memalign, and a helper that allocates and
 * frees a work array of its own. A second function records a trajectory into a buffer that
 * starts null and doubles with realloc, and a buffer grown then shrunk (with respect to two
 * scalars). A third reads its data through a pointer taken from a struct member and
 * grows a neighbour list of ints with realloc (the read-back's `x = s->x + offset` off the tape
 * once popped the offset twice for the tangent, misaligning the tape).
 * Under the sanitizer build ASan finds any leak of the tangent blocks. Checked against finite
 * differences of the gradient, the symmetry <H u, w> = <u, H w>, and the dense Hessian (an
 * HVP per unit direction) against the vector-tangent Hessian of the same function. */
#define _POSIX_C_SOURCE 200112L /* posix_memalign */
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
    double *a = NULL;
    posix_memalign((void **)&a, 32, n * sizeof(double));
    for (int i = 0; i < n; i++)
        a[i] = x[i] * r[i];
    q[0] = r[2 * n - 1];
    q[1] = q[0] * x[0] + a[n - 1] * a[0];
    s = q[1] + q[0] * s;
    free(a);
    free(r);
    free(q);
    free(p);
    free(next);
    free(coef);
    return s;
}

ADC_DIFF(wrt(x0, k), modes(grad, hvp))
double hvp_heap_grow(double x0, double k, int steps)
{
    double *traj = NULL, *sq = (double *)malloc(2 * sizeof(double));
    int cap = 0, cap2 = 2;
    double x = x0, s = 0.0;
    for (int t = 0; t < steps; t++) {
        if (t == cap) {
            cap = cap ? 2 * cap : 1;
            traj = (double *)realloc(traj, cap * sizeof(double));
        }
        if (t == cap2) {
            cap2 *= 2;
            sq = (double *)realloc(sq, cap2 * sizeof(double));
        }
        traj[t] = x;
        sq[t] = x * x;
        x = x + k * sin(x);
    }
    sq = (double *)realloc(sq, steps * sizeof(double)); /* shrunk to what it holds */
    for (int t = 0; t < steps; t++)
        s += traj[t] * sq[steps - 1 - t];
    free(traj);
    free(sq);
    return s + x;
}

struct sys {
    int n, cap, *list;
    double *x;
};

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n), modes(grad, hvp))
double hvp_heap_struct(struct sys *s)
{
    double *x = s->x;
    double *w = NULL, e = 0.0;
    s->cap *= 2;
    s->list = realloc(s->list, s->cap * sizeof(int));
    w = realloc(w, s->n * sizeof(double));
    for (int i = 0; i < s->n; i++) {
        w[i] = x[i] * x[i] * x[(i + 1) % s->n];
        s->list[i % s->cap] = (i + 1) % s->n;
    }
    for (int i = 0; i < s->n; i++)
        e += w[s->list[i]] * sin(x[i]);
    free(w);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double hvp_heap_grad(int n, const double *x, double *x_grad);
int hvp_heap_hvp(int n, const double *x, const double *x_v, double *x_hv);
int hvp_heap_hessian(int n, const double *x, double *hessian);
double hvp_heap_grow_grad(double x0, double k, int steps, double *x0_grad, double *k_grad);
int hvp_heap_grow_hvp(double x0, const double x0_v, double *x0_hv, double k, const double k_v, double *k_hv, int steps);

#define N 4

static void gradient(const double *x, double *g, void *ctx) {
    (void)ctx;
    hvp_heap_grad(N, x, g);
}

double hvp_heap_struct_grad(struct sys *s, struct sys *s_grad);
int hvp_heap_struct_hvp(struct sys *s, const struct sys *s_v, struct sys *s_hv);

static void struct_gradient(const double *x, double *g, void *ctx) {
    (void)ctx;
    struct sys s = {N, 2, malloc(2 * sizeof(int)), (double *)x}, sg = {N, 2, NULL, g};
    hvp_heap_struct_grad(&s, &sg);
    free(s.list);
}
static int struct_hvp(const double *x, const double *v, double *hv) {
    struct sys s = {N, 2, malloc(2 * sizeof(int)), (double *)x}, sv = {N, 2, NULL, (double *)v}, shv = {N, 2, NULL, hv};
    int st = hvp_heap_struct_hvp(&s, &sv, &shv);
    free(s.list);
    return st;
}

enum { STEPS = 11 };
static void grow_gradient(const double *p, double *g, void *ctx) {
    (void)ctx;
    hvp_heap_grow_grad(p[0], p[1], STEPS, &g[0], &g[1]);
}
static int grow_hvp(const double *p, const double *v, double *hv) {
    return hvp_heap_grow_hvp(p[0], v[0], &hv[0], p[1], v[1], &hv[1], STEPS);
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
    st = struct_hvp(x, u, hu) + struct_hvp(x, w, hw);
    e2e_expect_value("struct member", "hvp returns 0", st, 0.0, 0.0);
    st = adc_check_tangent(N, N, x, u, hu, struct_gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("struct member", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("struct member", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N), e2e_dot(u, hw, N),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, N))));
    double p[2] = {0.4, 0.3}, pu[2] = {0.7, -0.5}, pw[2] = {-0.2, 0.9}, phu[2], phw[2];
    st = grow_hvp(p, pu, phu) + grow_hvp(p, pw, phw);
    e2e_expect_value("realloc growth", "hvp returns 0", st, 0.0, 0.0);
    st = adc_check_tangent(2, 2, p, pu, phu, grow_gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("realloc growth", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("realloc growth", "symmetry <H u, w> = <u, H w>", e2e_dot(phu, pw, 2), e2e_dot(pu, phw, 2),
                     1e-12 * (1.0 + fabs(e2e_dot(phu, pw, 2))));
    return e2e_finish();
}
#endif
