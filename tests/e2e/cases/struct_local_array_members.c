/* A local struct whose members point to local arrays, the way numerical codes bundle their work
 * arrays (`double diag[N], off[N]; tridiag A = {n, diag, off}; scale(&A, c);`): once refused
 * ("assigning 'A.diag' other than a new heap block or a pointer parameter"). Its shadow points
 * to the arrays' shadows (A_d.diag = diag_d, A_b.diag = diag_b); the backward sweep has local
 * arrays of its own, restored from the tape, and points A.diag back to them before the
 * helpers' backward sweeps read A->diag. The caller overwrites diag[2] between two calls given
 * &A, and reads diag only through A: the first quad's backward sweep must read the old value
 * (taped, as the backward sweep reads diag through A, tbr.c). Gradient and tangent against FD,
 * dot-product test, adjoint seeding, vector tangent against the tangent along each direction,
 * Hessian-vector product against FD of the gradient, closed form at c = 0. */
#include <adc.h>

enum { NA = 4 };

typedef struct { int n; double *diag, *off; } tridiag;

/* x^T A x, A symmetric tridiagonal */
static double quad(const tridiag *A, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < A->n; i++) {
        double y = A->diag[i] * x[i];
        if (i > 0)
            y += A->off[i - 1] * x[i - 1];
        if (i + 1 < A->n)
            y += A->off[i] * x[i + 1];
        s += x[i] * y;
    }
    return s;
}

static void square_diag(tridiag *A, double c)
{
    for (int i = 0; i < A->n; i++)
        A->diag[i] *= c * A->diag[i];
}

ADC_DIFF(wrt(p, x), len(p: 2, x: 4), modes(tangent, adjoint, grad, hvp), vector(2))
double struct_local_array_members(const double *p, const double *x)
{
    double diag[NA], off[NA];
    tridiag A = {NA, diag, off};
    for (int i = 0; i < NA; i++) {
        diag[i] = 2.0 + p[0] * x[i];
        off[i] = -p[1] * x[i];
    }
    square_diag(&A, p[1]);
    double before = quad(&A, x);
    diag[2] = p[0] * p[1];
    return before + quad(&A, x);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double struct_local_array_members_tangent(const double *p, const double *p_d, const double *x, const double *x_d,
                                          double *struct_local_array_members_d);
double struct_local_array_members_tangent_vector(const double *p, const double (*p_d)[2], const double *x,
                                                 const double (*x_d)[2], double *struct_local_array_members_d);
double struct_local_array_members_adjoint(const double *p, double *p_b, const double *x, double *x_b,
                                          double struct_local_array_members_b);
double struct_local_array_members_grad(const double *p, const double *x, double *p_grad, double *x_grad);
int struct_local_array_members_hvp(const double *p, const double *p_v, double *p_hv, const double *x,
                                   const double *x_v, double *x_hv);

enum { P = 2 + NA };

/* Packed as (p[2], x[NA]). */
static double primal(const double *q, void *ctx) {
    (void)ctx;
    return struct_local_array_members(q, q + 2);
}
static double grad(const double *q, double *g, void *ctx) {
    (void)ctx;
    return struct_local_array_members_grad(q, q + 2, g, g + 2);
}
static double adjoint(const double *q, double *qb, double seed, void *ctx) {
    (void)ctx;
    return struct_local_array_members_adjoint(q, qb, q + 2, qb + 2, seed);
}
static double tangent(const double *q, const double *dq, double *df, void *ctx) {
    (void)ctx;
    return struct_local_array_members_tangent(q, dq, q + 2, dq + 2, df);
}
static void gradient(const double *q, double *g, void *ctx) {
    grad(q, g, ctx);
}

int main(void) {
    e2e_begin("struct_local_array_members");
    double q[P];
    e2e_fill(q, P, 1u, -0.9, 0.9);
    e2e_scalar c = {.label = "tridiag", .n = P, .x = q, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[P];
    e2e_run_scalar(&c, g);

    /* c = p[1] = 0: A is zero, so only df/dp1 is not: diag_i = c (2 + p0 x_i)^2, off_i = -c x_i,
     * and diag_2 = p0 c in the second quad: df/dp1 = 2 sum_i x_i^2 (2 + p0 x_i)^2 - x_2^2
     * (2 + p0 x_2)^2 + p0 x_2^2 - 4 sum_{i < 3} x_i^2 x_{i+1}. */
    double q0[P], g0[P], want[P] = {0};
    memcpy(q0, q, sizeof q0);
    q0[1] = 0.0;
    grad(q0, g0, NULL);
    const double *x0 = q0 + 2;
    for (int i = 0; i < NA; i++) {
        double d = 2.0 + q0[0] * x0[i];
        want[1] += (i == 2 ? 1.0 : 2.0) * x0[i] * x0[i] * d * d;
        want[1] -= i < NA - 1 ? 4.0 * x0[i] * x0[i] * x0[i + 1] : 0.0;
    }
    want[1] += q0[0] * x0[2] * x0[2];
    e2e_expect_close("c = 0", "gradient against the closed form", g0, want, P, E2E_CLOSED_TOL);

    /* Two directions at once against the tangent along each. */
    double dirs[2][P], along[2], both[2], pd[2][2], xd[NA][2];
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], P, 40u + (unsigned)k, -1.0, 1.0);
        tangent(q, dirs[k], &along[k], NULL);
        for (int i = 0; i < 2; i++)
            pd[i][k] = dirs[k][i];
        for (int i = 0; i < NA; i++)
            xd[i][k] = dirs[k][2 + i];
    }
    double fv = struct_local_array_members_tangent_vector(q, pd, q + 2, xd, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(q, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);

    /* Hessian-vector product against finite differences of the gradient. */
    double dir[P], hv[P];
    e2e_fill(dir, P, 9u, -1.0, 1.0);
    int status = struct_local_array_members_hvp(q, dir, hv, q + 2, dir + 2, hv + 2);
    e2e_expect_value("hvp", "hvp returns 0", status, 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(P, P, q, dir, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("hvp", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
