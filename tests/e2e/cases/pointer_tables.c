/* Tables of pointers (issue 15, item 2): double buffering through `double *bufs[2] = {a, b}`
 * read into pointers by index (`cur = bufs[step % 2]`, `next = bufs[(step + 1) % 2]`), a table
 * of three rows (a parameter and two local arrays) read into a pointer in a loop, read and
 * written at computed indices inside statements (rows[(r + 1) % 3][r], rows[2 - r][r + 1] *= ...),
 * and elements at constant indices (bufs[1][i], rows[2][1]). Checked in tangent, vector tangent, adjoint,
 * grad and hvp against finite differences and each other. */
#include <math.h>
#include <adc.h>

#define N 6

ADC_DIFF(wrt(u0, k), len(u0: N), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double pointer_tables(double *u0, double k)
{
    double a[N], b[N];
    for (int i = 0; i < N; i++) {
        a[i] = u0[i];
        b[i] = 0.0;
    }
    double *bufs[2] = {a, b};
    for (int step = 0; step < 5; step++) {
        const double *cur = bufs[step % 2];
        double *next = bufs[(step + 1) % 2];
        next[0] = cur[0];
        next[N - 1] = cur[N - 1];
        for (int i = 1; i < N - 1; i++)
            next[i] = cur[i] + k * (cur[i - 1] - 2.0 * cur[i] + cur[i + 1]) + 0.1 * sin(cur[i]);
    }
    double s = 0.0;
    for (int i = 0; i < N; i++)
        s += bufs[1][i] * bufs[0][i];
    double *rows[3] = {u0, a, b};
    for (int r = 0; r < 3; r++) {
        double *row = rows[r];
        row[r] = row[r] * k + 0.5 * row[r + 1];
        s += row[r] * row[r + 2];
        s += rows[(r + 1) % 3][r] * rows[r][0];
        rows[2 - r][r + 1] *= 1.0 + 0.25 * s;
    }
    return s + rows[2][1] + a[3] * u0[2];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double pointer_tables_tangent(double *u0, double *u0_d, double k, double k_d, double *pointer_tables_d);
double pointer_tables_tangent_vector(double *u0, double (*u0_d)[2], double k, const double k_d[2],
                                     double pointer_tables_d[2]);
double pointer_tables_adjoint(double *u0, double *u0_b, double k, double *k_b, double pointer_tables_b);
double pointer_tables_grad(double *u0, double k, double *u0_grad, double *k_grad);
int pointer_tables_hvp(double *u0, double *u0_v, double *u0_hv, double k, double k_v, double *k_hv);

#define NX (N + 1) /* u0, then k */
/* u0 is in-out (rows[0] writes it): each call gets a copy. */
static double primal(const double *x, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, sizeof u);
    return pointer_tables(u, x[N]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, sizeof u);
    return pointer_tables_grad(u, x[N], g, &g[N]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    double u[N], u_d[N];
    memcpy(u, x, sizeof u);
    memcpy(u_d, v, sizeof u_d);
    return pointer_tables_tangent(u, u_d, x[N], v[N], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    double u[N], u_b[N] = {0};
    memcpy(u, x, sizeof u);
    double value = pointer_tables_adjoint(u, u_b, x[N], &xb[N], seed);
    for (int i = 0; i < N; i++)
        xb[i] += u_b[i];
    return value;
}
static void gradient(const double *x, double *g, void *p) {
    grad(x, g, p);
}

int main(void) {
    e2e_begin("pointer_tables");
    double x[NX], g[NX], v[NX], w[NX], hv[NX];
    e2e_fill(x, NX, 17u, -0.7, 0.7);
    e2e_scalar s = {.label = "pointer_tables", .n = NX, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_fill(v, NX, 7u, -1.0, 1.0);
    e2e_fill(w, NX, 11u, -1.0, 1.0);
    double u[N], dirs[N][2], kdir[2] = {v[N], w[N]}, dvec[2];
    memcpy(u, x, sizeof u);
    for (int i = 0; i < N; i++) {
        dirs[i][0] = v[i];
        dirs[i][1] = w[i];
    }
    double value = pointer_tables_tangent_vector(u, dirs, x[N], kdir, dvec);
    double want[2] = {e2e_dot(g, v, NX), e2e_dot(g, w, NX)};
    e2e_expect_value("pointer_tables", "value returned by the vector tangent", value, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("pointer_tables", "vector tangent = <grad, v> for both directions", dvec, want, 2,
                     E2E_EXACT_TOL);
    double uv[N];
    memcpy(u, x, sizeof u);
    memcpy(uv, v, sizeof uv);
    pointer_tables_hvp(u, uv, hv, x[N], v[N], &hv[N]);
    adc_check_result r;
    int st = adc_check_tangent(NX, NX, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("pointer_tables", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
