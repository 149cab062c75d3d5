/* Whole local arrays given to helpers whose backward sweep does not read their values
 * (analysis/param_reads.c): the caller then tapes nothing of them for the call, neither the
 * elements it overwrites later nor the array around the call (a VLA `double u[nx][ny]` given
 * to `double (*u)[ny]` is kept by the caller like a fixed-size array: kept.c). Beside them,
 * helpers that do read: `square_into` reads its input for the partial, and `scale_rows`
 * multiplies rows by values of the array it writes; the caller must keep those. Checked
 * against finite differences and the dot-product test. */
#include <math.h>
#include <adc.h>

/* Linear in u: its backward sweep reads none of u or unew. */
static void smooth(int nx, int ny, double alpha, double u[nx][ny], double unew[nx][ny]) {
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            unew[i][j] = u[i][j];
    for (int i = 1; i < nx - 1; i++)
        for (int j = 1; j < ny - 1; j++) {
            double lap = u[i + 1][j] + u[i - 1][j] + u[i][j + 1] + u[i][j - 1] - 4.0 * u[i][j];
            unew[i][j] = u[i][j] + alpha * lap;
        }
}

/* Reads u's values (u * u). */
static void square_into(int nx, int ny, double u[nx][ny], double out[nx][ny]) {
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            out[i][j] = u[i][j] * u[i][j];
}

/* Reads the values of the array it rewrites. */
static void scale_rows(int n, double v[4], double s) {
    for (int i = 0; i < n; i++)
        v[i] = v[i] * v[(i + 1) % n] * s;
}

ADC_DIFF(wrt(alpha, u0))
double evolve(int nx, int ny, int nsteps, double alpha, const double u0[nx][ny]) {
    double u[nx][ny], unew[nx][ny], sq[nx][ny];
    double v[4] = {0.0, 0.0, 0.0, 0.0}, misfit = 0.0;
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            u[i][j] = u0[i][j];
    for (int s = 0; s < nsteps; s++) {
        smooth(nx, ny, alpha, u, unew);
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                u[i][j] = unew[i][j] + (i == 0 ? alpha * unew[i][j] : 0.0);
        if (s % 2 == 1) {
            square_into(nx, ny, u, sq);
            for (int j = 0; j < ny; j++)
                u[1][j] = u[1][j] - 0.1 * sq[2][j];
        }
        for (int k = 0; k < 4; k++)
            v[k] = u[k][k % ny];
        scale_rows(4, v, alpha);
        misfit += v[0] + v[3];
        for (int k = 0; k < 4; k++)
            v[k] = 0.5 * v[k];
    }
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            misfit += u[i][j] * u[i][j];
    return misfit + v[1] * v[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double evolve_tangent(int nx, int ny, int nsteps, double alpha, double alpha_d, const double (*u0)[ny],
                      const double (*u0_d)[ny], double *evolve_d);
double evolve_adjoint(int nx, int ny, int nsteps, double alpha, double *alpha_b, const double (*u0)[ny],
                      double (*u0_b)[ny], double evolve_b);
double evolve_grad(int nx, int ny, int nsteps, double alpha, const double (*u0)[ny], double *alpha_grad,
                   double (*u0_grad)[ny]);

#define NX 4
#define NY 3
#define STEPS 5

/* x[0] = alpha, x[1..13) = u0 */
static double primal(const double *x, void *p) {
    (void)p;
    return evolve(NX, NY, STEPS, x[0], (const double (*)[NY])(x + 1));
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return evolve_grad(NX, NY, STEPS, x[0], (const double (*)[NY])(x + 1), &g[0], (double (*)[NY])(g + 1));
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return evolve_tangent(NX, NY, STEPS, x[0], v[0], (const double (*)[NY])(x + 1), (const double (*)[NY])(v + 1), dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return evolve_adjoint(NX, NY, STEPS, x[0], &xb[0], (const double (*)[NY])(x + 1), (double (*)[NY])(xb + 1), seed);
}

int main(void) {
    e2e_begin("unread_array_args");
    double x[13], g[13];
    e2e_fill(x, 13, 61u, -0.8, 0.8);
    x[0] = 0.15;
    e2e_scalar s = {.label = "evolve", .n = 13, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
