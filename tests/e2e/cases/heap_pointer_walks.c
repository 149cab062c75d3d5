/* Pointers walking heap blocks (issue 15; difftest seed 6997, README bug 39): a local pointer
 * given a malloc'd block and moved through it by ++, --, += k, -= k and p = p + k, in for,
 * while and do loops, reading (*p, p[1]) and writing in place (*p *= x, p[1] += ...), restarted
 * at the block (p = h) on each trip of an outer loop, nested loops, a second pointer copied
 * from the first, one still null when first taped, helpers walking a heap block they are given
 * or return, a block of structs. Reverse mode tapes each walker as an offset from its heap
 * pointer and finds its adjoint from the block's (h_b + (p - h)); before, it was refused (and
 * once taped without moving its shadow: every trip's adjoint went to h_b[0]). Every mode
 * against finite differences, the dot-product test (tangent against grad), adjoint seeds, the
 * vector tangent against the tangent, hvp against finite differences of the gradient, closed
 * forms. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <adc.h>

static double walk_sum(const double *b, int n)
{
    double s = 0.0;
    for (const double *q = b + n - 1; q >= b; q--)
        s += *q * (1.0 + 0.1 * s);
    return s;
}

static void scale_walk(double *b, int n, double c)
{
    double *q = b;
    while (q < b + n) {
        *q *= c + *q;
        q = q + 1;
    }
}

ADC_DIFF(wrt(x, a), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double heap_walks(int n, const double *x, double a)
{
    double *h = malloc(n * sizeof *h);
    double *g = calloc(n + 1, sizeof(double));
    memcpy(h, x, n * sizeof(double));
    double s = 0.0;
    const double *c, *p = h; /* c: null (as h was) until the loop below sets it */
    while (p < h + n) { /* the difftest shape */
        s += *p * *p;
        p += 1;
    }
    for (int t = 0; t < 3; t++) {
        c = h + t; /* its value before the first trip, null, is taped too (difftest seed 20831) */
        s += *c * 0.1;
        double *w = h; /* restarted on each trip */
        for (int k = 0; k < n - 1; k++) {
            *w *= a + 0.1 * t;
            w[1] += 0.5 * sin(*w);
            w++;
        }
        for (w = h + n - 1; w > h; w -= 2) /* backwards by two */
            s += *w * w[-1];
        double *o = g;
        for (int k = 0; k < n; k++) {
            const double *r = h + k; /* nested walks: r runs ahead of w */
            while (r < h + n) {
                *o += *r * 0.25;
                r = r + 2;
            }
            o++;
        }
    }
    double *e = g + n;
    *e = a;
    while (e != g) {
        --e;
        e[1] += e[0] * e[0];
    }
    scale_walk(g, n + 1, a);
    s += walk_sum(g, n + 1);
    const double *last = h + n - 1;
    for (p = h; p < last; p++)
        s += cos(*p) * *last--;
    free(g);
    free(h);
    return s;
}

/* The program of tests/bad heap_pointer_walk_reverse (df/da was 1 against 1.18 when the walker
 * was taped without moving its shadow) and of unsupported_heap_offset_reverse (q = h + 1), now
 * accepted: f = a + 0.5 x0 a + (x0 a)^2, checked against its closed-form gradient. */
ADC_DIFF(wrt(a, x), len(x: 1), modes(tangent, adjoint))
double heap_walk_closed(double a, const double *x)
{
    double v = a;
    double *h = calloc(3, sizeof *h);
    h[1] = x[0] * a;
    const double *p = h;
    while (p < h + 3) {
        v += *p * 0.5;
        p += 1;
    }
    double *q = h + 1;
    v += q[0] * h[1];
    free(h);
    return v;
}

/* A helper returning a block it fills by walking it (Burkardt's r8vec_*_new with a pointer),
 * and the caller walking the block it gets, backwards from its end. */
static double *squares_new(const double *x, int n)
{
    double *h = malloc(n * sizeof *h);
    const double *q = x;
    for (double *p = h; p < h + n; p++) {
        *p = *q * (1.0 + *q);
        q++;
    }
    return h;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double heap_walk_made(int n, const double *x)
{
    double *h = squares_new(x, n);
    double s = 0.0;
    const double *p = h + n;
    do {
        p -= 1;
        s = s * 0.5 + *p * x[0];
    } while (p != h);
    free(h);
    return s;
}

/* A block of structs walked as MD codes walk their atoms: `for (a = atoms; a < atoms + n; a++)`
 * writing a member in place, then backwards with the decrement in the condition. */
struct atom { double x, v; int id; };

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double heap_walk_atoms(int n, const double *x)
{
    struct atom *atoms = malloc(n * sizeof *atoms);
    for (int i = 0; i < n; i++) {
        atoms[i].x = x[i];
        atoms[i].v = x[i] * x[i];
        atoms[i].id = i;
    }
    double e = 0.0;
    for (struct atom *a = atoms; a < atoms + n; a++) {
        a->v += 0.5 * sin(a->x) * a->id;
        e += a->v * a->x;
    }
    const struct atom *b = atoms + n;
    while (b-- > atoms)
        e = 0.9 * e + b->v * b->v;
    free(atoms);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_walk_atoms_tangent(int n, const double *x, const double *x_d, double *heap_walk_atoms_d);
double heap_walk_atoms_adjoint(int n, const double *x, double *x_b, double heap_walk_atoms_b);
double heap_walk_atoms_grad(int n, const double *x, double *x_grad);

double heap_walk_made_tangent(int n, const double *x, const double *x_d, double *heap_walk_made_d);
double heap_walk_made_adjoint(int n, const double *x, double *x_b, double heap_walk_made_b);
double heap_walk_made_grad(int n, const double *x, double *x_grad);

double heap_walk_closed_adjoint(double a, double *a_b, const double *x, double *x_b, double heap_walk_closed_b);
double heap_walk_closed_tangent(double a, double a_d, const double *x, const double *x_d, double *heap_walk_closed_d);

double heap_walks_tangent(int n, const double *x, const double *x_d, double a, double a_d, double *heap_walks_d);
double heap_walks_tangent_vector(int n, const double *x, const double (*x_d)[2], double a, const double a_d[2],
                                 double heap_walks_d[2]);
double heap_walks_adjoint(int n, const double *x, double *x_b, double a, double *a_b, double heap_walks_b);
double heap_walks_grad(int n, const double *x, double *x_grad, double a, double *a_grad);
int heap_walks_hvp(int n, const double *x, const double *x_v, double *x_hv, double a, const double a_v, double *a_hv);

#define N 5
static double atoms(const double *z, void *c) {
    (void)c;
    return heap_walk_atoms(N, z);
}
static double atoms_grad(const double *z, double *g, void *c) {
    (void)c;
    return heap_walk_atoms_grad(N, z, g);
}
static double atoms_tangent(const double *z, const double *v, double *dv, void *c) {
    (void)c;
    return heap_walk_atoms_tangent(N, z, v, dv);
}
static double atoms_adjoint(const double *z, double *zb, double seed, void *c) {
    (void)c;
    return heap_walk_atoms_adjoint(N, z, zb, seed);
}
static double made(const double *z, void *c) {
    (void)c;
    return heap_walk_made(N, z);
}
static double made_grad(const double *z, double *g, void *c) {
    (void)c;
    return heap_walk_made_grad(N, z, g);
}
static double made_tangent(const double *z, const double *v, double *dv, void *c) {
    (void)c;
    return heap_walk_made_tangent(N, z, v, dv);
}
static double made_adjoint(const double *z, double *zb, double seed, void *c) {
    (void)c;
    return heap_walk_made_adjoint(N, z, zb, seed);
}
static double primal(const double *z, void *c) {
    (void)c;
    return heap_walks(N, z, z[N]);
}
static double grad(const double *z, double *g, void *c) {
    (void)c;
    return heap_walks_grad(N, z, g, z[N], &g[N]);
}
static void gradient(const double *z, double *g, void *c) {
    grad(z, g, c);
}
static double tangent(const double *z, const double *v, double *dv, void *c) {
    (void)c;
    return heap_walks_tangent(N, z, v, z[N], v[N], dv);
}
static double adjoint(const double *z, double *zb, double seed, void *c) {
    (void)c;
    return heap_walks_adjoint(N, z, zb, z[N], &zb[N], seed);
}

int main(void) {
    e2e_begin("heap_pointer_walks");
    double z[N + 1];
    e2e_fill(z, N + 1, 91u, -0.9, 0.9);
    e2e_scalar s = {.label = "n=5", .n = N + 1, .x = z, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);

    double u[N + 1], w[N + 1], dirs[N][2], ad[2], dv[2], du, dw;
    e2e_fill(u, N + 1, 92u, -1.0, 1.0);
    e2e_fill(w, N + 1, 93u, -1.0, 1.0);
    for (int i = 0; i < N; i++) {
        dirs[i][0] = u[i];
        dirs[i][1] = w[i];
    }
    ad[0] = u[N];
    ad[1] = w[N];
    heap_walks_tangent_vector(N, z, (const double (*)[2])dirs, z[N], ad, dv);
    heap_walks_tangent(N, z, u, z[N], u[N], &du);
    heap_walks_tangent(N, z, w, z[N], w[N], &dw);
    e2e_expect_value("n=5", "vector tangent direction 0 vs tangent", dv[0], du, 1e-12 * (1.0 + fabs(du)));
    e2e_expect_value("n=5", "vector tangent direction 1 vs tangent", dv[1], dw, 1e-12 * (1.0 + fabs(dw)));

    double hu[N + 1], hw[N + 1];
    int st = heap_walks_hvp(N, z, u, hu, z[N], u[N], &hu[N]) + heap_walks_hvp(N, z, w, hw, z[N], w[N], &hw[N]);
    e2e_expect_value("n=5", "hvp returns 0", st, 0.0, 0.0);
    adc_check_result r;
    st = adc_check_tangent(N + 1, N + 1, z, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("n=5", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("n=5", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N + 1), e2e_dot(u, hw, N + 1),
                     1e-10 * (1.0 + fabs(e2e_dot(hu, w, N + 1))));
    e2e_scalar m = {.label = "returned block", .n = N, .x = z, .f = made, .grad = made_grad,
                    .tangent = made_tangent, .adjoint = made_adjoint};
    e2e_run_scalar(&m, NULL);
    e2e_scalar at = {.label = "atoms", .n = N, .x = z, .f = atoms, .grad = atoms_grad,
                     .tangent = atoms_tangent, .adjoint = atoms_adjoint};
    e2e_run_scalar(&at, NULL);

    double a = 0.7, x0 = -1.3, ab = 0.0, xb = 0.0, da = 0.0, dx = 0.0, want_a = 1.0 + 0.5 * x0 + 2.0 * x0 * x0 * a,
           want_x = 0.5 * a + 2.0 * x0 * a * a, one = 1.0, zero = 0.0;
    heap_walk_closed_adjoint(a, &ab, &x0, &xb, 1.0);
    heap_walk_closed_tangent(a, 1.0, &x0, &zero, &da);
    heap_walk_closed_tangent(a, 0.0, &x0, &one, &dx);
    e2e_expect_value("closed form", "adjoint df/da", ab, want_a, 1e-14);
    e2e_expect_value("closed form", "adjoint df/dx0", xb, want_x, 1e-14);
    e2e_expect_value("closed form", "tangent df/da", da, want_a, 1e-14);
    e2e_expect_value("closed form", "tangent df/dx0", dx, want_x, 1e-14);
    return e2e_finish();
}
#endif
