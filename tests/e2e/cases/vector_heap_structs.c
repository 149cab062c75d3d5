/* A heap array of structs in the vector tangent mode (`atom_t *a = malloc(n * sizeof *a)`,
 * calloc, realloc): once refused ("the vector tangent mode does not support active structs").
 * Its shadow is a block of the vector shadow struct, struct atom_t_d3 (double x[3], ...; the
 * int member kept), as many as the block has structs. A helper takes the block. Vector tangent
 * against the scalar tangent along each direction, scalar tangent against FD and the gradient. */
#include <stdlib.h>
#include <adc.h>

typedef struct {
    double x, v;
    int kind;
    double p[2];
} atom_t;

static void kick(atom_t *a, int n, double dt)
{
    for (int i = 0; i < n; i++) {
        a[i].v -= dt * a[i].x * a[i].p[a[i].kind];
        a[i].x += dt * a[i].v;
    }
}

ADC_DIFF(wrt(x0), len(x0: n), modes(tangent, grad), vector(3))
double atoms(int n, const double *x0)
{
    atom_t *a = malloc(n * sizeof *a);
    atom_t *b = calloc(n, sizeof(atom_t));
    for (int i = 0; i < n; i++) {
        a[i].x = x0[i];
        a[i].v = 0.5 * x0[i] * x0[i];
        a[i].kind = i % 2;
        a[i].p[0] = 1.0 + x0[i];
        a[i].p[1] = 2.0;
    }
    for (int s = 0; s < 3; s++)
        kick(a, n, 0.1);
    a = realloc(a, 2 * n * sizeof *a);
    for (int i = 0; i < n; i++) {
        a[n + i] = a[i];
        b[i].x = a[n + i].x * a[i].v;
    }
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += b[i].x + a[n + i].p[0] * a[i].x;
    free(a);
    free(b);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double atoms_tangent(int n, const double *x0, const double *x0_d, double *atoms_d);
double atoms_tangent_vector(int n, const double *x0, const double (*x0_d)[3], double *atoms_d);
double atoms_grad(int n, const double *x0, double *x0_grad);

enum { N = 5 };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return atoms(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return atoms_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return atoms_tangent(N, x, v, dv);
}

int main(void) {
    e2e_begin("vector_heap_structs");
    double x[N];
    e2e_fill(x, N, 3u, -0.8, 0.8);
    e2e_scalar c = {.label = "atoms", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent};
    double g[N];
    e2e_run_scalar(&c, g);
    double dirs[3][N], dv[N][3], along[3], all[3];
    for (int k = 0; k < 3; k++) {
        e2e_fill(dirs[k], N, 50u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++)
            dv[i][k] = dirs[k][i];
    }
    double fv = atoms_tangent_vector(N, x, (const double (*)[3])dv, all);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "three directions against the tangent along each", all, along, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
