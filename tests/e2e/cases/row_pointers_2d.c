/* Row pointers into 2-D arrays, as real C walks a matrix and a mesh: `double *row = M[i]`
 * updated in place through the row, a parameter double P[][2] walked the same way, and finite
 * element assembly through `const int *ce = conn[e]`, a row of a static connectivity table,
 * scattering into the residual with r[ce[a]] += ... . The backward sweep keeps each row pointer
 * as an offset from M[0] (in doubles, not rows of M); before, the generated file did not compile
 * (`row - M` between double * and double (*)[2]) and hvp stopped on an internal failure. */
#include <math.h>
#include <string.h>
#include <adc.h>

#define NE 4
#define NN 5 /* NE + 1, spelled out: libclang 14 cannot read an operator inside a macro */

static const int conn[NE][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
static const int perm[NN] = {3, 0, 4, 1, 2};

static void assemble(const double *u, const double *k, double *r)
{
    memset(r, 0, NN * sizeof(double));
    for (int e = 0; e < NE; e++) {
        const int *ce = conn[e];
        double ke = k[e % 2] * (1.0 + u[ce[0]] * u[ce[1]]);
        double loc[2][2] = {{ke, -ke}, {-ke, ke}};
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                r[ce[a]] += loc[a][b] * u[ce[b]];
    }
}

static void smooth_rows(int n, double P[][2])
{
    for (int i = 1; i < n; i++) {
        double *row = P[i];
        const double *above = P[i - 1];
        row[0] = 0.5 * row[0] + 0.25 * sin(above[1]);
        row[1] *= 1.0 + 0.1 * above[0];
    }
}

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad, hvp))
double row_pointers_2d(const double *x)
{
    double M[3][2];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            M[i][j] = x[(i + j) % 4] * (1.0 + 0.3 * i) + 0.1 * j;
    double s = 0.0;
    for (int i = 0; i < 3; i++) {
        double *row = M[i];
        row[1] = sin(row[0]) * row[1];
        s += row[1] * row[0];
    }
    smooth_rows(3, M);
    double u[NN], r[NN];
    for (int i = 0; i < NN; i++)
        u[perm[i]] = x[i % 4] * M[i % 3][i % 2] + 0.1 * i;
    const double k[2] = {x[3], M[2][1]};
    assemble(u, k, r);
    for (int i = 0; i < NN; i++)
        s += r[perm[i]] * r[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double row_pointers_2d_tangent(const double *x, const double *x_d, double *f_d);
double row_pointers_2d_adjoint(const double *x, double *x_b, double f_b);
double row_pointers_2d_grad(const double *x, double *x_grad);
int row_pointers_2d_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return row_pointers_2d(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return row_pointers_2d_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return row_pointers_2d_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return row_pointers_2d_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return row_pointers_2d_hvp(x, v, hv);
}

int main(void) {
    e2e_begin("row_pointers_2d");
    const double x[4] = {0.6, -0.8, 0.45, 1.1};
    e2e_scalar s = {.label = "row_pointers_2d", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
