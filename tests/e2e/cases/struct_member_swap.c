/* Buffers swapped through the members of a LOCAL grid struct each step (issue 15), as 2-D heat
 * and reaction-diffusion codes keep them: `double *t = g.u; g.u = g.unew; g.unew = t;` after a
 * step helper given &g (relax); the same through a pointer to the local struct with a SWAP
 * macro, the struct built from an initializer list of local heap pointers (relax_macro); and
 * members re-pointed to new blocks, in a loop and after use (repoint: once refused by
 * tests/bad/struct_member_in_loop.c and pointer_struct_member.c). All were refused ("re-pointing
 * 'g.u' (assigned a second time)"). Each member gets a heap pointer of its own (g_u) that takes
 * its reads and stores, so its shadow block moves with it; the backward sweep restores the
 * member and its shadow member with the pointer. Odd step counts leave the result in the other
 * buffer. Gradient and tangent against FD, dot-product test, vector tangent against the
 * gradient, hvp against FD of the gradient and symmetry. Needs libclang >= 17 (the SWAP macro
 * spells its operators inside the macro). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

#define SWAP(a, b) do { double *swap_tmp = (a); (a) = (b); (b) = swap_tmp; } while (0)

typedef struct {
    int n;
    double *u, *unew;
    double k;
} grid_t;

static void step(grid_t *g)
{
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = g->u[i] + g->k * (g->u[i - 1] - 2.0 * g->u[i] + g->u[i + 1]) * g->u[i];
    g->unew[0] = g->u[0];
    g->unew[g->n - 1] = g->u[g->n - 1];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp), vector(2))
double relax(const double *x, int n, int steps)
{
    grid_t g = {n, NULL, NULL, 0.2};
    g.u = malloc(n * sizeof(double));
    g.unew = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        g.u[i] = x[i];
    for (int s = 0; s < steps; s++) {
        step(&g);
        double *t = g.u;
        g.u = g.unew;
        g.unew = t;
    }
    double r = 0;
    for (int i = 0; i < n; i++)
        r += g.u[i] * g.u[i] * (i + 1);
    free(g.u);
    free(g.unew);
    return r;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp), vector(2))
double relax_macro(const double *x, int n, int steps)
{
    double *u = malloc(n * sizeof(double)), *unew = calloc(n, sizeof(double));
    grid_t grid = {n, u, unew, 0.15};
    grid_t *g = &grid;
    for (int i = 0; i < n; i++)
        g->u[i] = x[i];
    for (int s = 0; s < steps; s++) {
        step(g);
        g->k *= 1.1;
        SWAP(g->u, g->unew);
    }
    double r = 0;
    for (int i = 0; i < n; i++)
        r += sin(g->u[i]) * g->unew[i];
    free(g->u);
    free(g->unew);
    return r;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp), vector(2))
double repoint(const double *x, int n, int steps)
{
    grid_t g = {n, NULL, NULL, 0.1};
    double e = 0.0;
    for (int k = 1; k <= steps; k++) { /* a fresh pair of blocks each trip */
        g.u = malloc(n * sizeof(double));
        g.unew = calloc(n, sizeof(double));
        for (int i = 0; i < n; i++)
            g.u[i] = x[i] * k;
        step(&g);
        e += g.unew[k % n] * g.unew[0];
        free(g.u);
        free(g.unew);
    }
    g.u = malloc(n * sizeof(double)); /* re-pointed after use */
    g.unew = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        g.u[i] = e * x[i];
    step(&g);
    free(g.u);
    g.u = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        g.u[i] = 2.0 * g.unew[i];
    step(&g);
    e += g.unew[1] * g.unew[n - 2];
    free(g.u);
    free(g.unew);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 7
#define STEPS 5

typedef double (*grad_fn)(const double *, int, int, double *);
typedef double (*tangent_fn)(const double *, const double *, int, int, double *);
typedef double (*adjoint_fn)(const double *, double *, int, int, double);
typedef double (*vector_fn)(const double *, const double (*)[2], int, int, double *);
typedef int (*hvp_fn)(const double *, const double *, double *, int, int);

double relax_grad(const double *x, int n, int steps, double *x_grad);
double relax_tangent(const double *x, const double *x_d, int n, int steps, double *relax_d);
double relax_adjoint(const double *x, double *x_b, int n, int steps, double relax_b);
double relax_tangent_vector(const double *x, const double (*x_d)[2], int n, int steps, double *relax_d);
int relax_hvp(const double *x, const double *x_v, double *x_hv, int n, int steps);
double relax_macro_grad(const double *x, int n, int steps, double *x_grad);
double relax_macro_tangent(const double *x, const double *x_d, int n, int steps, double *relax_macro_d);
double relax_macro_adjoint(const double *x, double *x_b, int n, int steps, double relax_macro_b);
double relax_macro_tangent_vector(const double *x, const double (*x_d)[2], int n, int steps, double *relax_macro_d);
int relax_macro_hvp(const double *x, const double *x_v, double *x_hv, int n, int steps);
double repoint_grad(const double *x, int n, int steps, double *x_grad);
double repoint_tangent(const double *x, const double *x_d, int n, int steps, double *repoint_d);
double repoint_adjoint(const double *x, double *x_b, int n, int steps, double repoint_b);
double repoint_tangent_vector(const double *x, const double (*x_d)[2], int n, int steps, double *repoint_d);
int repoint_hvp(const double *x, const double *x_v, double *x_hv, int n, int steps);

typedef struct {
    double (*f)(const double *, int, int);
    grad_fn grad;
    tangent_fn tangent;
    adjoint_fn adjoint;
    vector_fn vector;
    hvp_fn hvp;
    int steps;
} routes;

static double f_(const double *x, void *p) { const routes *r = p; return r->f(x, N, r->steps); }
static double g_(const double *x, double *g, void *p) { const routes *r = p; return r->grad(x, N, r->steps, g); }
static void gradient(const double *x, double *g, void *p) { const routes *r = p; r->grad(x, N, r->steps, g); }
static double t_(const double *x, const double *v, double *dv, void *p) {
    const routes *r = p;
    return r->tangent(x, v, N, r->steps, dv);
}
static double a_(const double *x, double *xb, double seed, void *p) {
    const routes *r = p;
    return r->adjoint(x, xb, N, r->steps, seed);
}

static void check(const char *label, routes *r, const double *x) {
    double g[N];
    e2e_scalar c = {.label = label, .n = N, .x = x, .f = f_, .grad = g_, .tangent = t_, .adjoint = a_, .ctx = r};
    e2e_run_scalar(&c, g);
    double dirs[N][2], dv[2];
    for (int i = 0; i < N; i++) {
        dirs[i][0] = 0.5 - 0.25 * i;
        dirs[i][1] = i % 2 ? 1.0 : -0.75;
    }
    r->vector(x, (const double (*)[2])dirs, N, r->steps, dv);
    for (int w = 0; w < 2; w++) {
        double want = 0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][w];
        e2e_expect_value(label, "vector tangent = grad . direction", dv[w], want, 1e-12 * (1.0 + fabs(want)));
    }
    double u[N], w[N], hu[N], hw[N];
    e2e_fill(u, N, 91u, -1.0, 1.0);
    e2e_fill(w, N, 92u, -1.0, 1.0);
    e2e_expect_value(label, "hvp returns 0", r->hvp(x, u, hu, N, r->steps) + r->hvp(x, w, hw, N, r->steps), 0.0, 0.0);
    adc_check_result res;
    int st = adc_check_tangent(N, N, x, u, hu, gradient, r, E2E_FD_TOL, &res, NULL);
    e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &res);
    e2e_expect_value(label, "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N), e2e_dot(u, hw, N),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, N))));
}

int main(void) {
    e2e_begin("struct_member_swap");
    double x[N];
    e2e_fill(x, N, 90u, 0.2, 0.9);
    for (int steps = STEPS - 1; steps <= STEPS; steps++) { /* the result in either buffer */
        routes relax_r = {relax, relax_grad, relax_tangent, relax_adjoint, relax_tangent_vector, relax_hvp, steps};
        routes macro_r = {relax_macro, relax_macro_grad, relax_macro_tangent, relax_macro_adjoint,
                          relax_macro_tangent_vector, relax_macro_hvp, steps};
        check(steps % 2 ? "relax, odd steps" : "relax, even steps", &relax_r, x);
        check(steps % 2 ? "SWAP through a pointer, odd steps" : "SWAP through a pointer, even steps", &macro_r, x);
    }
    routes repoint_r = {repoint, repoint_grad, repoint_tangent, repoint_adjoint, repoint_tangent_vector, repoint_hvp, 3};
    check("members re-pointed to new blocks", &repoint_r, x);
    return e2e_finish();
}
#endif
