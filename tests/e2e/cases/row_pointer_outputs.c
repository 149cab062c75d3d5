/* A row-pointer matrix as output and as in-out data (issue 15, item 2): c[i][k] from the rows
 * of a, then a's rows scaled in place by a helper that reads them through `double *ai = a[i]`.
 * The tangent (a_d, c_d) against finite differences and the dot-product test against the
 * adjoint (a_b, c_b seeds of the final values, a_b the adjoint of a on entry on return). */
#include <math.h>
#include <adc.h>

static void scale_row(int m, double *row, double by)
{
    for (int j = 0; j < m; j++)
        row[j] = row[j] / by;
}

static void normalize(int n, int m, double **a, double **c)
{
    for (int i = 0; i < n; i++) {
        double *ai = a[i];
        scale_row(m, ai, 1.0 + c[i][i] * c[i][i]);
    }
}

ADC_DIFF(wrt(a, c), len(a: n, a[]: m, c: n, c[]: n), modes(tangent, tangent_vector, adjoint), vector(2))
void row_pointer_outputs(int n, int m, double **a, double **c)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double s = 0.0;
            for (int j = 0; j < m; j++)
                s += a[i][j] * a[k][j];
            c[i][k] = sin(s) + a[k][0];
        }
    normalize(n, m, a, c);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

void row_pointer_outputs_tangent(int n, int m, double **a, double **a_d, double **c, double **c_d);
void row_pointer_outputs_tangent_vector(int n, int m, double **a, double (**a_d)[2], double **c,
                                        double (**c_d)[2]);
void row_pointer_outputs_adjoint(int n, int m, double **a, double **a_b, double **c, double **c_b);

#define ROWS 3
#define COLS 2
#define NA (ROWS * COLS)
#define NC (ROWS * ROWS)
#define M (NC + NA) /* outputs: c row by row, then a's final values */

static void rows_of(double *data, int cols, double **rows) {
    for (int i = 0; i < ROWS; i++)
        rows[i] = data + i * cols;
}
static void primal(const double *x, double *y, void *p) {
    (void)p;
    double *a[ROWS], *c[ROWS];
    memcpy(y + NC, x, NA * sizeof *x);
    rows_of(y + NC, COLS, a);
    rows_of(y, ROWS, c);
    row_pointer_outputs(ROWS, COLS, a, c);
}
static void tangent(const double *x, const double *v, double *y, double *jv, void *p) {
    (void)p;
    double *a[ROWS], *c[ROWS], *a_d[ROWS], *c_d[ROWS];
    memcpy(y + NC, x, NA * sizeof *x);
    memcpy(jv + NC, v, NA * sizeof *v);
    memset(jv, 0, NC * sizeof *jv);
    rows_of(y + NC, COLS, a);
    rows_of(y, ROWS, c);
    rows_of(jv + NC, COLS, a_d);
    rows_of(jv, ROWS, c_d);
    row_pointer_outputs_tangent(ROWS, COLS, a, a_d, c, c_d);
}
static void adjoint(const double *x, const double *w, double *jtw, void *p) {
    (void)p;
    double data[NA], out[NC], seeds[M], *a[ROWS], *c[ROWS], *a_b[ROWS], *c_b[ROWS];
    memcpy(data, x, sizeof data);
    memcpy(seeds, w, sizeof seeds);
    rows_of(data, COLS, a);
    rows_of(out, ROWS, c);
    rows_of(seeds + NC, COLS, a_b);
    rows_of(seeds, ROWS, c_b);
    row_pointer_outputs_adjoint(ROWS, COLS, a, a_b, c, c_b);
    memcpy(jtw, seeds + NC, NA * sizeof *jtw);
}

int main(void) {
    e2e_begin("row_pointer_outputs");
    double x[NA];
    e2e_fill(x, NA, 41u, -0.9, 0.9);
    e2e_vector s = {.label = "row_pointer_outputs", .n = NA, .m = M, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&s);
    /* the vector tangent: direction k of every output is the scalar tangent along it */
    double v[2][NA], y[M], jv[2][M];
    e2e_fill(v[0], NA, 5u, -1.0, 1.0);
    e2e_fill(v[1], NA, 6u, -1.0, 1.0);
    for (int k = 0; k < 2; k++)
        tangent(x, v[k], y, jv[k], NULL);
    double data[NA], out[NC], dirs_a[NA][2], dirs_c[NC][2] = {{0}}, *a[ROWS], *c[ROWS];
    double (*a_d[ROWS])[2], (*c_d[ROWS])[2];
    memcpy(data, x, sizeof data);
    rows_of(data, COLS, a);
    rows_of(out, ROWS, c);
    for (int i = 0; i < NA; i++) {
        dirs_a[i][0] = v[0][i];
        dirs_a[i][1] = v[1][i];
    }
    for (int i = 0; i < ROWS; i++) {
        a_d[i] = dirs_a + i * COLS;
        c_d[i] = dirs_c + i * ROWS;
    }
    row_pointer_outputs_tangent_vector(ROWS, COLS, a, a_d, c, c_d);
    double got[2][M];
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < NC; i++)
            got[k][i] = dirs_c[i][k];
        for (int i = 0; i < NA; i++)
            got[k][NC + i] = dirs_a[i][k];
    }
    e2e_expect_close("row_pointer_outputs", "vector tangent, direction 0", got[0], jv[0], M, E2E_EXACT_TOL);
    e2e_expect_close("row_pointer_outputs", "vector tangent, direction 1", got[1], jv[1], M, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
