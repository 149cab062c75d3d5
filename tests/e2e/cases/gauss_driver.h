/* The driver shared by rows_fixed_gauss.c and vla_param_gauss.c, which define gauss() on rows
 * of GAUSS_ROW elements (4, or the VLA parameter n) and name the case in GAUSS_CASE: finite
 * differences, the dot-product test, the adjoint with seed 2, the closed form and the vector
 * tangent, and A and b as on entry after grad. */
#include <string.h>
#include "../e2e.h"

#define N 4

double gauss_tangent(int n, double (*A)[GAUSS_ROW], double (*A_d)[GAUSS_ROW], double *b, double *b_d,
                     double *x, double *x_d, double *gauss_d);
double gauss_adjoint(int n, double (*A)[GAUSS_ROW], double (*A_b)[GAUSS_ROW], double *b, double *b_b,
                     double *x, double *x_b, double gauss_b);
double gauss_grad(int n, double (*A)[GAUSS_ROW], double *b, double *x, double (*A_grad)[GAUSS_ROW],
                  double *b_grad, double *x_grad);
double gauss_tangent_vector(int n, double (*A)[GAUSS_ROW], double (*A_d)[GAUSS_ROW][4], double *b,
                            double (*b_d)[4], double *x, double (*x_d)[4], double *gauss_d);

/* packed inputs: A row-major, then b */
static void unpack(const double *p, double A[N][N], double b[N]) {
    memcpy(A, p, sizeof(double) * N * N);
    memcpy(b, p + N * N, sizeof(double) * N);
}
static void pack(const double A[N][N], const double b[N], double *p) {
    memcpy(p, A, sizeof(double) * N * N);
    memcpy(p + N * N, b, sizeof(double) * N);
}
static double g_primal(const double *p, void *c) {
    (void)c;
    double A[N][N], b[N], x[N];
    unpack(p, A, b);
    return gauss(N, A, b, x);
}
static double g_grad(const double *p, double *g, void *c) {
    (void)c;
    double A[N][N], b[N], x[N], Ag[N][N], bg[N], xg[N], q[N * N + N];
    unpack(p, A, b);
    unpack(g, Ag, bg);
    double f = gauss_grad(N, A, b, x, Ag, bg, xg);
    pack(Ag, bg, g);
    pack(A, b, q);
    e2e_expect_close("gauss", "grad leaves A and b as on entry", q, p, N * N + N, 0.0);
    return f;
}
static double g_tangent(const double *p, const double *v, double *dv, void *c) {
    (void)c;
    double A[N][N], b[N], x[N], Ad[N][N], bd[N], xd[N];
    unpack(p, A, b);
    unpack(v, Ad, bd);
    return gauss_tangent(N, A, Ad, b, bd, x, xd, dv);
}

static double g_adjoint(const double *p, double *pb, double seed) {
    double A[N][N], b[N], x[N], Ab[N][N], bb[N], xb[N] = {0};
    unpack(p, A, b);
    unpack(pb, Ab, bb);
    double f = gauss_adjoint(N, A, Ab, b, bb, x, xb, seed);
    pack(Ab, bb, pb);
    return f;
}

int main(void) {
    e2e_begin(GAUSS_CASE);
    double p[N * N + N], g[N * N + N];
    e2e_fill(p, N * N + N, 51u, -0.5, 0.5);
    for (int i = 0; i < N; i++)
        p[i * N + i] += 3.0; /* diagonally dominant: no pivoting needed */
    /* no .adjoint: A and b are overwritten, so what A_b and b_b hold on entry are the seeds of
     * their final values, not adjoints the call increments (g_adjoint checks a zero seed) */
    e2e_scalar s = {.label = "gauss", .n = N * N + N, .x = p, .f = g_primal, .grad = g_grad, .tangent = g_tangent};
    e2e_run_scalar(&s, g);
    /* closed form: f = w . x + 1e3 |A0 x - b0|^2, whose residual term has zero gradient at the
     * solution: df/db = A^-T w, df/dA = -(A^-T w) x^T */
    double A[N][N], b[N], x[N], At[N][N], w[N], lam[N], xx[N], ref[N * N + N];
    unpack(p, A, b);
    gauss(N, A, b, x);
    unpack(p, A, b);
    for (int i = 0; i < N; i++) {
        w[i] = i + 1.0;
        for (int j = 0; j < N; j++)
            At[i][j] = A[j][i];
    }
    gauss(N, At, w, lam);
    for (int i = 0; i < N; i++) {
        ref[N * N + i] = lam[i];
        for (int j = 0; j < N; j++)
            ref[i * N + j] = -lam[i] * x[j];
    }
    double pb[N * N + N] = {0}, twice[N * N + N];
    for (int i = 0; i < N * N + N; i++)
        twice[i] = 2.0 * g[i];
    e2e_expect_value("gauss", "value returned by adjoint", g_adjoint(p, pb, 2.0), g_primal(p, NULL), E2E_EXACT_TOL);
    e2e_expect_close("gauss", "adjoint with seed 2 from zero adjoints", pb, twice, N * N + N, E2E_EXACT_TOL);
    e2e_expect_close("gauss", "grad vs closed form A^-T w, -(A^-T w) x^T", g, ref, N * N + N, E2E_CLOSED_TOL);
    /* vector mode: direction k perturbs b[k] */
    double Adv[N][N][4] = {{{0}}}, bdv[N][4] = {{0}}, xdv[N][4], dv[4], want[4];
    for (int k = 0; k < 4; k++) {
        bdv[k][k] = 1.0;
        want[k] = g[N * N + k];
    }
    unpack(p, A, b);
    gauss_tangent_vector(N, A, Adv, b, bdv, xx, xdv, dv);
    e2e_expect_close("gauss", "vector tangent vs gradient", dv, want, 4, E2E_EXACT_TOL);

    return e2e_finish();
}
