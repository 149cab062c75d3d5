/* C99 variable-length arrays as local work arrays: `double tmp[n]`, `double work[2 * n + 1]`,
 * a 2-D `double a[n][m]`, and `double row[n]` declared inside a loop body whose elements each
 * trip overwrites (the reverse mode declares it once at the top of each sweep, with the length
 * read from parameters, and tapes what the trips overwrite). The shadows tmp_d, tmp_b, ... are
 * variable-length arrays of the same lengths. Checked against finite differences, the
 * dot-product test, the adjoint's increments, the vector tangent, and the Hessian-vector product
 * against finite differences of the gradient and its symmetry <H v, w> = <v, H w>. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, tangent_vector, hvp))
double vla_work(int n, int m, const double *x) {
    double tmp[n];
    double work[2 * n + 1];
    double a[n][m];
    for (int i = 0; i < n; i++)
        tmp[i] = x[i] * x[i];
    for (int i = 0; i < 2 * n + 1; i++)
        work[i] = i < n ? tmp[i] * x[i] : (i < 2 * n ? sin(x[i - n]) : 1.0);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            a[i][j] = work[i + j] * x[(i + j) % n];
    double s = 0.0;
    for (int i = 0; i < 2 * n + 1; i++)
        s += work[i] * work[i];
    for (int k = 0; k < n; k++) {
        double row[n];
        for (int i = 0; i < n; i++)
            row[i] = x[i] * x[k] + a[i][k % m];
        for (int i = 0; i < n; i++)
            row[i] = row[i] * row[(i + k) % n];
        for (int i = 0; i < n; i++)
            s += cos(row[i]);
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double vla_work_tangent(int n, int m, const double *x, const double *x_d, double *vla_work_d);
double vla_work_adjoint(int n, int m, const double *x, double *x_b, double vla_work_b);
double vla_work_grad(int n, int m, const double *x, double *x_grad);
double vla_work_tangent_vector(int n, int m, const double *x, const double (*x_dv)[4], double vla_work_dv[4]);
int vla_work_hvp(int n, int m, const double *x, const double *x_v, double *x_hv);

#define N 5
#define M 3

static double primal(const double *x, void *p) {
    (void)p;
    return vla_work(N, M, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return vla_work_grad(N, M, x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    vla_work_grad(N, M, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return vla_work_tangent(N, M, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return vla_work_adjoint(N, M, x, xb, seed);
}

int main(void) {
    e2e_begin("vla_local_work");
    double x[N], g[N], v[N], w[N], hv[N], hw[N];
    e2e_fill(x, N, 41u, -0.6, 0.6);
    e2e_scalar s = {.label = "vla_work", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* vector mode: direction k is the unit vector e_k, its tangent the gradient's element k */
    double xdv[N][4] = {{0}}, dv[4], want[4];
    for (int k = 0; k < 4; k++) {
        xdv[k][k] = 1.0;
        want[k] = g[k];
    }
    vla_work_tangent_vector(N, M, x, (const double (*)[4])xdv, dv);
    e2e_expect_close("vla_work", "vector tangent vs gradient", dv, want, 4, E2E_EXACT_TOL);
    e2e_fill(v, N, 42u, -1.0, 1.0);
    e2e_fill(w, N, 43u, -1.0, 1.0);
    e2e_expect_value("vla_work", "hvp returns 0", vla_work_hvp(N, M, x, v, hv), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("vla_work", "Hessian-vector product vs finite differences of the gradient", st, &r);
    vla_work_hvp(N, M, x, w, hw);
    e2e_expect_value("vla_work", "<H v, w> = <v, H w>", e2e_dot(hv, w, N), e2e_dot(v, hw, N), E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
