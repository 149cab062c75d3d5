/* C99 variable-length array parameters in the style of numerical codes: `const double m[n][n]`
 * with `const double x[n]`, a helper taking the matrix as `const double (*m)[n]` (a pointer to
 * variable-length rows), and a local pointer to one row `const double (*row)[n] = m + i` read as
 * (*row)[j] (whose tangent and adjoint (*row_d)[j], (*row_b)[j] need their parentheses: written
 * *row_d[j] before, with constant rows too). The shadow parameters have the same declared types
 * (`double (*m_b)[n]`), and len(...) defaults to the declared count ((n) * (n)). Checked against
 * finite differences, the dot-product test and the adjoint's increments. */
#include <adc.h>

/* Row i of m times x: the matrix as a pointer to variable-length rows. */
static double row_dot(int n, const double (*m)[n], int i, const double x[n]) {
    double y = 0.0;
    for (int j = 0; j < n; j++)
        y += m[i][j] * x[j];
    return y;
}

ADC_DIFF(wrt(m, x), modes(tangent, adjoint, grad))
double matvec_energy(int n, const double m[n][n], const double x[n]) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        const double (*row)[n] = m + i;
        double y = row_dot(n, m, i, x) + (*row)[(i + 1) % n] * x[i];
        s += y * y * x[i];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

#define N 4

double matvec_energy_tangent(int n, const double (*m)[n], const double (*m_d)[n], const double *x,
                             const double *x_d, double *matvec_energy_d);
double matvec_energy_adjoint(int n, const double (*m)[n], double (*m_b)[n], const double *x, double *x_b,
                             double matvec_energy_b);
double matvec_energy_grad(int n, const double (*m)[n], const double *x, double (*m_grad)[n], double *x_grad);

/* packed inputs: A row-major, then b */
static void unpack(const double *p, double A[N][N], double b[N]) {
    memcpy(A, p, sizeof(double) * N * N);
    memcpy(b, p + N * N, sizeof(double) * N);
}
static void pack(const double A[N][N], const double b[N], double *p) {
    memcpy(p, A, sizeof(double) * N * N);
    memcpy(p + N * N, b, sizeof(double) * N);
}
static double m_primal(const double *p, void *c) {
    (void)c;
    double m[N][N], x[N];
    unpack(p, m, x);
    return matvec_energy(N, (const double (*)[N])m, x);
}
static double m_grad(const double *p, double *g, void *c) {
    (void)c;
    double m[N][N], x[N], mg[N][N], xg[N];
    unpack(p, m, x);
    double f = matvec_energy_grad(N, (const double (*)[N])m, x, mg, xg);
    pack(mg, xg, g);
    return f;
}
static double m_tangent(const double *p, const double *v, double *dv, void *c) {
    (void)c;
    double m[N][N], x[N], md[N][N], xd[N];
    unpack(p, m, x);
    unpack(v, md, xd);
    return matvec_energy_tangent(N, (const double (*)[N])m, (const double (*)[N])md, x, xd, dv);
}
static double m_adjoint(const double *p, double *pb, double seed, void *c) {
    (void)c;
    double m[N][N], x[N], mb[N][N], xb[N];
    unpack(p, m, x);
    unpack(pb, mb, xb);
    double f = matvec_energy_adjoint(N, (const double (*)[N])m, mb, x, xb, seed);
    pack(mb, xb, pb);
    return f;
}

int main(void) {
    e2e_begin("vla_param_matvec");
    double p[N * N + N];
    e2e_fill(p, N * N + N, 52u, -1.0, 1.0);
    e2e_scalar m = {.label = "matvec_energy", .n = N * N + N, .x = p, .f = m_primal, .grad = m_grad,
                    .tangent = m_tangent, .adjoint = m_adjoint};
    e2e_run_scalar(&m, NULL);
    return e2e_finish();
}
#endif
