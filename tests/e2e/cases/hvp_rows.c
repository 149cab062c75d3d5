/* Hessian-vector products of row-pointer matrices (double **a with len(a: n, a[]: m)): the
 * hvp wrapper builds the scratch adjoint and a copy of the direction as rows of its own and
 * zeroes the rows of a_hv that the caller gives. One function takes `double **a` and
 * updates a row in place, the other `const double *const *a` (the direction is passed as
 * const rows). f = sum a_ij^2 a_(i+1)j + sin(a_ij) + (a_00 a_11)^2. Checked against finite
 * differences of the gradient, the symmetry <H u, w> = <u, H w> and, for the const one, the
 * dense Hessian by a Hessian-vector product per unit direction against the closed form. The
 * dense Hessian wrappers (once refused: "mode 'hessian' does not support a pointer to rows";
 * element a[i][j] is number i m + j; with vector(2) too, as a flat array would take the vector
 * tangent) against those columns, for each function. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a), len(a: n, a[]: m), modes(grad, hvp, hessian))
double hvp_rows(int n, int m, double **a)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            s += a[i][j] * a[i][j] * a[(i + 1) % n][j] + sin(a[i][j]);
    for (int j = 0; j < m; j++) /* in place: the gradient is with respect to the values on entry */
        a[0][j] = a[0][j] * a[1][j];
    return s + a[0][0] * a[0][1];
}

ADC_DIFF(wrt(a), len(a: n, a[]: m), modes(grad, hvp, hessian), vector(2))
double hvp_rows_const(int n, int m, const double *const *a)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            s += a[i][j] * a[i][j] * a[(i + 1) % n][j];
    return s + a[0][0] * a[0][0] * a[1][1] * a[1][1];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double hvp_rows_grad(int n, int m, double **a, double **a_grad);
int hvp_rows_hvp(int n, int m, double **a, double **a_v, double **a_hv);
double hvp_rows_const_grad(int n, int m, const double *const *a, double **a_grad);
int hvp_rows_const_hvp(int n, int m, const double *const *a, const double *const *a_v, double **a_hv);
int hvp_rows_hessian(int n, int m, double **a, double *hessian);
int hvp_rows_const_hessian(int n, int m, const double *const *a, double *hessian);

#define N 3
#define M 2
#define NM (N * M)

/* Rows r[i] pointing into the flat block x (row i at x + i M). */
static void rows_of(double *x, double **r) {
    for (int i = 0; i < N; i++)
        r[i] = x + i * M;
}

/* The gradient of either function at x (copied: hvp_rows writes its matrix). */
static void gradient(const double *x, double *g, void *which) {
    double copy[NM], *a[N], *g_rows[N];
    memcpy(copy, x, sizeof copy);
    rows_of(copy, a);
    rows_of(g, g_rows);
    if (which)
        hvp_rows_const_grad(N, M, (const double *const *)a, g_rows);
    else
        hvp_rows_grad(N, M, a, g_rows);
}

/* H v at x into hv, by the hvp of either function. */
static int hvp(const double *x, double *v, double *hv, int which) {
    double copy[NM], *a[N], *v_rows[N], *hv_rows[N];
    memcpy(copy, x, sizeof copy);
    rows_of(copy, a);
    rows_of(v, v_rows);
    rows_of(hv, hv_rows);
    return which ? hvp_rows_const_hvp(N, M, (const double *const *)a, (const double *const *)v_rows, hv_rows)
                 : hvp_rows_hvp(N, M, a, v_rows, hv_rows);
}

int main(void) {
    e2e_begin("hvp_rows");
    double x[NM], u[NM], w[NM], hu[NM], hw[NM];
    e2e_fill(x, NM, 41u, -0.9, 0.9);
    e2e_fill(u, NM, 42u, -1.0, 1.0);
    e2e_fill(w, NM, 43u, -1.0, 1.0);
    const char *labels[2] = {"double **a", "const double *const *a"};
    for (int which = 0; which < 2; which++) {
        const char *label = labels[which];
        void *ctx = which ? (void *)x : NULL;
        e2e_expect_value(label, "hvp returns 0", hvp(x, u, hu, which) + hvp(x, w, hw, which), 0.0, 0.0);
        adc_check_result r;
        int st = adc_check_tangent(NM, NM, x, u, hu, gradient, ctx, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
        e2e_expect_value(label, "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, NM), e2e_dot(u, hw, NM), 1e-12);
    }
    /* The closed form of the const one's Hessian, column by column (unit directions). */
    double h[NM * NM] = {0}, col[NM];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < M; j++) {
            int p = i * M + j, q = ((i + 1) % N) * M + j;
            h[p * NM + p] += 2 * x[q];
            h[p * NM + q] += 2 * x[p];
            h[q * NM + p] += 2 * x[p];
        }
    double a0 = x[0], a3 = x[3]; /* a_00 and a_11: (a_00 a_11)^2 */
    h[0 * NM + 0] += 2 * a3 * a3;
    h[3 * NM + 3] += 2 * a0 * a0;
    h[0 * NM + 3] += 4 * a0 * a3;
    h[3 * NM + 0] += 4 * a0 * a3;
    for (int k = 0; k < NM; k++) {
        double unit[NM] = {0};
        unit[k] = 1.0;
        hvp(x, unit, col, 1);
        for (int i = 0; i < NM; i++)
            e2e_expect_value("const double *const *a", "Hessian column against the closed form", col[i], h[i * NM + k],
                             E2E_CLOSED_TOL);
    }
    /* The dense Hessians against the unit directions' Hessian-vector products. */
    for (int which = 0; which < 2; which++) {
        double copy[NM], *a[N], dense[NM * NM], columns[NM * NM];
        for (int k = 0; k < NM; k++) {
            double unit[NM] = {0};
            unit[k] = 1.0;
            hvp(x, unit, col, which);
            for (int i = 0; i < NM; i++)
                columns[i * NM + k] = col[i];
        }
        memcpy(copy, x, sizeof copy);
        rows_of(copy, a);
        int st = which ? hvp_rows_const_hessian(N, M, (const double *const *)a, dense) : hvp_rows_hessian(N, M, a, dense);
        e2e_expect_value(labels[which], "hessian returns 0", st, 0.0, 0.0);
        e2e_expect_close(labels[which], "dense Hessian against the Hessian-vector products", dense, columns, NM * NM,
                         E2E_EXACT_TOL);
    }
    return e2e_finish();
}
#endif
