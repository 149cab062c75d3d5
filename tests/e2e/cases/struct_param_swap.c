/* Buffers swapped through the members of a struct parameter: step functions given `grid *g`
 * swap its two buffers (`double *t = g->u; g->u = g->unew; g->unew = t;`, heat) or rotate three
 * (wave, leapfrog), called in a time loop from the function differentiated, whose local grid
 * struct points to blocks it allocates through local pointers and frees by those names. The
 * shadow struct's members swap in lockstep in tangent modes (g_d->u = g_d->unew). In reverse
 * mode each step's backward sweep pops each member back and points its shadow member to the
 * shadow of the block popped, among those the members held where it began (the swaps permute
 * them), and the caller's backward sweep points its shadow members to the shadows of the blocks
 * its members hold after the last step. A twin of the same arithmetic with the buffers swapped
 * in local pointer variables gives a second gradient. Tangent, vector tangent, adjoint, grad
 * against finite differences, the dot-product test and the twin; ASan finds a shadow block
 * freed at the wrong address or left unfreed. Second order (tangent over the adjoint): the
 * Hessian-vector product against finite differences of the gradient, the twin's and its
 * symmetry <w, H v> == <v, H w>; the dense Hessian (vector(2)) against hvp column by column. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    double k;
    double *u, *unew, *uold;
} grid;

static void heat_step(grid *g)
{
    int i, n = g->n;
    for (i = 1; i < n - 1; i++)
        g->unew[i] = g->u[i] + g->k * (g->u[i - 1] - 2.0 * g->u[i] + g->u[i + 1]) + 0.05 * sin(g->u[i]);
    g->unew[0] = g->u[0];
    g->unew[n - 1] = g->u[n - 1];
    double *t = g->u;
    g->u = g->unew;
    g->unew = t;
}

static void wave_step(grid *g)
{
    double *t = g->uold; /* rotated first: unew gets the oldest buffer, then the new values */
    g->uold = g->u;
    g->u = g->unew;
    g->unew = t;
    for (int i = 1; i < g->n - 1; i++)
        g->unew[i] = 2.0 * g->u[i] - g->uold[i] + g->k * (g->u[i - 1] - 2.0 * g->u[i] + g->u[i + 1]) -
                     0.1 * g->u[i] * g->u[i] * g->u[i];
    g->unew[0] = 0.0;
    g->unew[g->n - 1] = 0.0;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp, hessian), vector(2))
double struct_param_swap(int n, const double *x, int steps)
{
    double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = malloc(n * sizeof(double));
    grid g;
    g.n = n;
    g.k = 0.2;
    g.u = a;
    g.unew = b;
    g.uold = c;
    for (int i = 0; i < n; i++) {
        a[i] = x[i];
        b[i] = 0.0;
        c[i] = x[i] * (1.0 - 0.1 * i);
    }
    for (int s = 0; s < steps; s++)
        heat_step(&g);
    for (int s = 0; s < steps; s++)
        wave_step(&g);
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += g.unew[i] * g.unew[i] * (i + 1) + g.u[i] * g.uold[i];
    free(a);
    free(b);
    free(c);
    return e;
}

/* The same arithmetic, the buffers swapped in local pointer variables. */
ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp))
double struct_param_swap_twin(int n, const double *x, int steps)
{
    double *u = malloc(n * sizeof(double)), *unew = malloc(n * sizeof(double)), *uold = malloc(n * sizeof(double));
    double *t, k = 0.2;
    for (int i = 0; i < n; i++) {
        u[i] = x[i];
        unew[i] = 0.0;
        uold[i] = x[i] * (1.0 - 0.1 * i);
    }
    for (int s = 0; s < steps; s++) {
        for (int i = 1; i < n - 1; i++)
            unew[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]) + 0.05 * sin(u[i]);
        unew[0] = u[0];
        unew[n - 1] = u[n - 1];
        t = u;
        u = unew;
        unew = t;
    }
    for (int s = 0; s < steps; s++) {
        t = uold;
        uold = u;
        u = unew;
        unew = t;
        for (int i = 1; i < n - 1; i++)
            unew[i] = 2.0 * u[i] - uold[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]) - 0.1 * u[i] * u[i] * u[i];
        unew[0] = 0.0;
        unew[n - 1] = 0.0;
    }
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += unew[i] * unew[i] * (i + 1) + u[i] * uold[i];
    free(u);
    free(unew);
    free(uold);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 7
#define STEPS 5

double struct_param_swap_tangent(int n, const double *x, const double *x_d, int steps, double *f_d);
double struct_param_swap_tangent_vector(int n, const double *x, const double (*x_d)[2], int steps, double *f_d);
double struct_param_swap_adjoint(int n, const double *x, double *x_b, int steps, double f_b);
double struct_param_swap_grad(int n, const double *x, int steps, double *x_grad);
double struct_param_swap_twin_grad(int n, const double *x, int steps, double *x_grad);
int struct_param_swap_hvp(int n, const double *x, const double *x_v, double *x_hv, int steps);
int struct_param_swap_twin_hvp(int n, const double *x, const double *x_v, double *x_hv, int steps);
int struct_param_swap_hessian(int n, const double *x, int steps, double *hessian);

static double f(const double *x, void *p) { (void)p; return struct_param_swap(N, x, STEPS); }
static double grad(const double *x, double *g, void *p) { (void)p; return struct_param_swap_grad(N, x, STEPS, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return struct_param_swap_tangent(N, x, v, STEPS, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return struct_param_swap_adjoint(N, x, xb, STEPS, seed);
}

static void gradient(const double *x, double *g, void *p) { grad(x, g, p); }

/* Hessian-vector products against finite differences of the gradient, the twin's and their
 * symmetry; the dense Hessian against them column by column. */
static void second_order(const double *x) {
    double v[N], w[N], hv[N], hw[N], twin[N], h[N * N];
    e2e_fill(v, N, 3u, -1.0, 1.0);
    e2e_fill(w, N, 5u, -1.0, 1.0);
    struct_param_swap_hvp(N, x, v, hv, STEPS);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("struct swap", "hvp vs finite differences of the gradient", st, &r);
    struct_param_swap_twin_hvp(N, x, v, twin, STEPS);
    e2e_expect_close("struct swap", "hvp == twin's hvp", hv, twin, N, E2E_EXACT_TOL);
    struct_param_swap_hvp(N, x, w, hw, STEPS);
    e2e_expect_value("struct swap", "<w, H v> == <v, H w>", e2e_dot(w, hv, N), e2e_dot(v, hw, N), E2E_EXACT_TOL);
    struct_param_swap_hessian(N, x, STEPS, h);
    e2e_expect_symmetric("struct swap", h, N);
    for (int j = 0; j < N; j++) {
        double unit[N] = {0}, col[N], hcol[N];
        unit[j] = 1.0;
        struct_param_swap_hvp(N, x, unit, col, STEPS);
        for (int i = 0; i < N; i++)
            hcol[i] = h[i * N + j];
        e2e_expect_close("struct swap", "Hessian column == hvp along the unit vector", hcol, col, N, E2E_EXACT_TOL);
    }
}

int main(void) {
    e2e_begin("struct_param_swap");
    double x[N] = {0.4, -0.9, 1.3, 0.2, -0.5, 0.8, 0.1}, g[N], twin[N];
    e2e_scalar s = {.label = "struct swap", .n = N, .x = x, .f = f, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double fg = struct_param_swap_twin_grad(N, x, STEPS, twin);
    e2e_expect_value("struct swap", "twin computes the same value", fg, f(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("struct swap", "gradient == twin's gradient", g, twin, N, E2E_EXACT_TOL);
    double dirs[N][2], dvv[2];
    for (int i = 0; i < N; i++) {
        dirs[i][0] = 1.0 - 0.2 * i;
        dirs[i][1] = 0.3 - 0.1 * i;
    }
    struct_param_swap_tangent_vector(N, x, (const double (*)[2])dirs, STEPS, dvv);
    for (int k = 0; k < 2; k++) {
        double want = 0.0;
        for (int i = 0; i < N; i++)
            want += g[i] * dirs[i][k];
        e2e_expect_value("struct swap", "vector tangent = grad . direction", dvv[k], want, 1e-12);
    }
    second_order(x);
    return e2e_finish();
}
#endif
