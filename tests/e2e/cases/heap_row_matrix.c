/* A row-pointer matrix allocated in the function (issue 15, item 2), as Burkardt's and
 * Numerical Recipes' codes do: `double **a = malloc(n * sizeof *a);` and each row allocated by
 * a counting loop, filled, updated in place, handed to a helper taking `double **`, a row
 * handed to a helper taking `double *`, then every row freed and the table freed. The shadow
 * matrix is allocated and freed with it (tangent), or allocated by the forward sweep and freed
 * where the backward sweep reverses the allocations. Checked in tangent, vector tangent,
 * adjoint and grad against finite differences and each other; run under ASan in CI builds
 * with -DADC_SANITIZE=ON (no leaks). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static double trace_sin(int n, double **a)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += sin(a[i][i]) * a[i][(i + 1) % n];
    return s;
}

static void scale(int m, double *row, double by)
{
    for (int j = 0; j < m; j++)
        row[j] *= by;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double heap_row_matrix(int n, const double *x)
{
    double **a = malloc((size_t)n * sizeof *a);
    for (int i = 0; i < n; i++)
        a[i] = calloc((size_t)n, sizeof **a);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            a[i][j] = x[i] * x[j] + (i == j);
        s += a[i][i];
    }
    for (int i = 0; i < n; i++) {
        a[i][0] *= a[i][i] * s;
        scale(n, a[i], 1.0 + 0.1 * x[i]);
    }
    s += trace_sin(n, a);
    for (int i = 0; i < n; i++)
        s += a[i][n - 1] * a[n - 1 - i][0];
    for (int i = 0; i < n; i++)
        free(a[i]);
    free(a);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_row_matrix_tangent(int n, const double *x, const double *x_d, double *heap_row_matrix_d);
double heap_row_matrix_tangent_vector(int n, const double *x, const double (*x_d)[2], double heap_row_matrix_d[2]);
double heap_row_matrix_adjoint(int n, const double *x, double *x_b, double heap_row_matrix_b);
double heap_row_matrix_grad(int n, const double *x, double *x_grad);

#define N 4
static double primal(const double *x, void *p) {
    (void)p;
    return heap_row_matrix(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return heap_row_matrix_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_row_matrix_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_row_matrix_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("heap_row_matrix");
    double x[N], g[N], v[N], w[N];
    e2e_fill(x, N, 29u, -0.8, 0.8);
    e2e_scalar s = {.label = "heap_row_matrix", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_fill(v, N, 7u, -1.0, 1.0);
    e2e_fill(w, N, 11u, -1.0, 1.0);
    double dirs[N][2], dvec[2];
    for (int i = 0; i < N; i++) {
        dirs[i][0] = v[i];
        dirs[i][1] = w[i];
    }
    double value = heap_row_matrix_tangent_vector(N, x, (const double (*)[2])dirs, dvec);
    double want[2] = {e2e_dot(g, v, N), e2e_dot(g, w, N)};
    e2e_expect_value("heap_row_matrix", "value returned by the vector tangent", value, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("heap_row_matrix", "vector tangent = <grad, v> for both directions", dvec, want, 2,
                     E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
