/* Whole 2-D arrays cleared and copied as C99 solvers do: memset(g, 0, sizeof g) of a grid of
 * fixed size and of one of variable length (`double g[n][m + 1]`), memcpy(old, cur, sizeof old)
 * between two fixed grids of one shape, and the row count `sizeof g / sizeof g[0]` of a
 * variable-length grid. front/lower_memory.c writes them as loop nests over rows and columns.
 * Gradient and hvp checked against finite differences, tangent against adjoint (the dot-product
 * test); a clear that did nothing would leave the previous sweep's values in the grids. */
#include <adc.h>
#include <math.h>
#include <string.h>

#define R 3
#define C 4

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double grid_memset(int n, int m, const double *x) {
    double cur[R][C], old[R][C], g[n][m + 1];
    double s = 0.0;
    memset(cur, 0, sizeof cur);
    for (int sweep = 0; sweep < 2; sweep++) {
        memset(g, 0, sizeof g); /* cleared each sweep: the last sweep's values are gone */
        for (int i = 0; i < n; i++)
            g[i][i % (m + 1)] = x[i] * (sweep + 1.0);
        for (int i = 0; i < R; i++)
            for (int j = 0; j < C; j++)
                cur[i][j] += g[(i + j) % n][j % (m + 1)] * x[(i * j) % n];
        memcpy(old, cur, sizeof old);
        for (int i = 0; i < R; i++)
            cur[i][i] = sin(old[i][(i + 1) % C]) + old[i][i];
    }
    long rows = (long)(sizeof g / sizeof g[0]);
    for (long i = 0; i < rows; i++)
        for (int j = 0; j <= m; j++)
            s += g[i][j] * g[i][j] * x[i];
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++)
            s += cur[i][j] * old[i][j];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double grid_memset_tangent(int n, int m, const double *x, const double *x_d, double *grid_memset_d);
double grid_memset_adjoint(int n, int m, const double *x, double *x_b, double grid_memset_b);
double grid_memset_grad(int n, int m, const double *x, double *x_grad);
int grid_memset_hvp(int n, int m, const double *x, const double *x_v, double *x_hv);

#define N 5
#define M 2

static double primal(const double *x, void *p) { (void)p; return grid_memset(N, M, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return grid_memset_grad(N, M, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return grid_memset_tangent(N, M, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return grid_memset_adjoint(N, M, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return grid_memset_hvp(N, M, x, v, hv);
}

int main(void) {
    e2e_begin("grid_memset");
    double x[N] = {0.7, 0.4, 0.9, 0.3, 0.8}, g[N];
    e2e_scalar s = {.label = "x", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
