/* Row-pointer matrices as parameters (issue 15, item 2): `double **a` in the style of Numerical
 * Recipes, indexed a[i][j], updated in place by a helper that gets a itself, rows read into
 * local pointers (`double *ai = a[i];`, also const) and a row given to a helper taking
 * `double *`. The shadow is the caller's row-pointer matrix of the
 * same shape (a_d[i][j], a_b[i][j]); f_grad zeroes its rows given len(a: n, a[]: m). Checked in
 * tangent, vector tangent, adjoint and grad against finite differences and each other. */
#include <math.h>
#include <adc.h>

static double rowsum(int m, const double *r)
{
    double s = 0.0;
    for (int j = 0; j < m; j++)
        s += r[j] * r[j];
    return s;
}

static void scale_rows(int n, int m, double **a, double f)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            a[i][j] = a[i][j] * f + sin(a[i][j]);
}

ADC_DIFF(wrt(a, f), len(a: n, a[]: m), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double row_pointer_params(int n, int m, double **a, double f)
{
    scale_rows(n, m, a, f);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double *ai = a[i];
        const double *next = a[(i + 1) % n];
        for (int j = 0; j < m; j++)
            s += sin(ai[j]) * next[(j + 1) % m];
        s += rowsum(m, ai) * f;
        ai[0] = ai[0] * s;
    }
    for (int i = 0; i < n; i++)
        s += a[i][0] * a[n - 1 - i][m - 1];
    return s;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double row_pointer_params_tangent(int n, int m, double **a, double **a_d, double f, double f_d,
                                  double *row_pointer_params_d);
double row_pointer_params_tangent_vector(int n, int m, double **a, double (**a_d)[2], double f, const double f_d[2],
                                         double row_pointer_params_d[2]);
double row_pointer_params_adjoint(int n, int m, double **a, double **a_b, double f, double *f_b,
                                  double row_pointer_params_b);
double row_pointer_params_grad(int n, int m, double **a, double f, double **a_grad, double *f_grad);

#define ROWS 3
#define COLS 4
#define N (ROWS * COLS + 1) /* a row by row, then f */

/* Row pointers into a copy of the packed matrix (the function updates a in place). */
static void rows_of(double *data, double **rows) {
    for (int i = 0; i < ROWS; i++)
        rows[i] = data + i * COLS;
}
static double primal(const double *x, void *p) {
    (void)p;
    double data[ROWS * COLS], *a[ROWS];
    memcpy(data, x, sizeof data);
    rows_of(data, a);
    return row_pointer_params(ROWS, COLS, a, x[N - 1]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    double data[ROWS * COLS], *a[ROWS], *a_grad[ROWS];
    memcpy(data, x, sizeof data);
    rows_of(data, a);
    rows_of(g, a_grad);
    return row_pointer_params_grad(ROWS, COLS, a, x[N - 1], a_grad, &g[N - 1]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    double data[ROWS * COLS], dir[ROWS * COLS], *a[ROWS], *a_d[ROWS];
    memcpy(data, x, sizeof data);
    memcpy(dir, v, sizeof dir);
    rows_of(data, a);
    rows_of(dir, a_d);
    return row_pointer_params_tangent(ROWS, COLS, a, a_d, x[N - 1], v[N - 1], dv);
}
/* a is in-out: a_b on entry seeds a's final values, so the harness's pre-filled adjoints
 * (which it expects to be incremented) are added after a call seeded with zeros. */
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    double data[ROWS * COLS], adj[ROWS * COLS] = {0}, *a[ROWS], *a_b[ROWS];
    memcpy(data, x, sizeof data);
    rows_of(data, a);
    rows_of(adj, a_b);
    double value = row_pointer_params_adjoint(ROWS, COLS, a, a_b, x[N - 1], &xb[N - 1], seed);
    for (int k = 0; k < ROWS * COLS; k++)
        xb[k] += adj[k];
    return value;
}

int main(void) {
    e2e_begin("row_pointer_params");
    double x[N], g[N], v[N], w[N];
    e2e_fill(x, N, 31u, -0.8, 0.8);
    e2e_scalar s = {.label = "row_pointer_params", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* two directions at once: rows of double[2] */
    e2e_fill(v, N, 7u, -1.0, 1.0);
    e2e_fill(w, N, 11u, -1.0, 1.0);
    double data[ROWS * COLS], dirs[ROWS * COLS][2], *a[ROWS], (*a_d[ROWS])[2], fdir[2] = {v[N - 1], w[N - 1]}, dvec[2];
    memcpy(data, x, sizeof data);
    rows_of(data, a);
    for (int k = 0; k < ROWS * COLS; k++) {
        dirs[k][0] = v[k];
        dirs[k][1] = w[k];
    }
    for (int i = 0; i < ROWS; i++)
        a_d[i] = dirs + i * COLS;
    double value = row_pointer_params_tangent_vector(ROWS, COLS, a, a_d, x[N - 1], fdir, dvec);
    double want[2] = {e2e_dot(g, v, N), e2e_dot(g, w, N)};
    e2e_expect_value("row_pointer_params", "value returned by the vector tangent", value, primal(x, NULL),
                     E2E_EXACT_TOL);
    e2e_expect_close("row_pointer_params", "vector tangent = <grad, v> for both directions", dvec, want, 2,
                     E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
