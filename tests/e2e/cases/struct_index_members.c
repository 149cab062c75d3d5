/* A sparse matrix in a local struct that also holds its index tables, the way finite-element
 * codes keep CSR storage (`typedef struct { int n; const int *ia, *ja; double *a; } csr_t;`),
 * assembled edge by edge through a helper that looks an entry up by handing the struct's int
 * members to another helper (`find(K->ia, K->ja, i, j)`). Once refused: the int members of the
 * active struct were taken to carry derivatives into `const int *` parameters.
 * csr_energy: the values in a local array (tangent, adjoint, grad, hvp); csr_energy_heap: the
 * values in a calloc'd block the struct holds (tangent, adjoint, grad). Checks: finite
 * differences, the dot-product test, hvp against finite differences of the gradient and its
 * symmetry, and both against a twin doing the same arithmetic on a dense matrix. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n;
    const int *ia, *ja;
    double *a;
} csr_t;

static const int rows[4] = {0, 2, 5, 7};
static const int cols[7] = {0, 1, 0, 1, 2, 1, 2};
static const int edges[4][2] = {{0, 1}, {1, 2}, {0, 1}, {2, 2}}; /* a repeated edge, a self-loop */

/* The position of (i, j) in the values, or -1. */
static int find(const int *ia, const int *ja, int i, int j) {
    for (int p = ia[i]; p < ia[i + 1]; p++)
        if (ja[p] == j)
            return p;
    return -1;
}

static void add(csr_t *K, int i, int j, double v) {
    int p = find(K->ia, K->ja, i, j);
    if (p >= 0)
        K->a[p] += v;
}

/* x^T K x */
static double quad(const csr_t *K, const double *x) {
    double s = 0.0;
    for (int i = 0; i < K->n; i++)
        for (int p = K->ia[i]; p < K->ia[i + 1]; p++)
            s += x[i] * K->a[p] * x[K->ja[p]];
    return s;
}

static void assemble(csr_t *K, const double *w, const double *x) {
    for (int e = 0; e < 4; e++) {
        int i = edges[e][0], j = edges[e][1];
        double k = w[e] * w[e] + 0.5 * sin(x[j]);
        add(K, i, i, k);
        add(K, j, j, k);
        add(K, i, j, -k);
        add(K, j, i, -0.5 * k);
    }
    for (int i = 0; i < K->n; i++)
        add(K, i, i, 1.0 + x[i] * w[i]);
}

ADC_DIFF(wrt(w, x), len(w: 4, x: 3), modes(tangent, adjoint, grad, hvp))
double csr_energy(const double *w, const double *x) {
    double a[7] = {0.0};
    csr_t K = {3, rows, cols, a};
    assemble(&K, w, x);
    return quad(&K, x) + K.a[find(K.ia, K.ja, 2, 1)] * w[3];
}

ADC_DIFF(wrt(w, x), len(w: 4, x: 3), modes(tangent, adjoint, grad))
double csr_energy_heap(const double *w, const double *x) {
    csr_t K;
    K.n = 3;
    K.ia = rows;
    K.ja = cols;
    K.a = calloc(7, sizeof(double));
    assemble(&K, w, x);
    double e = quad(&K, x) + K.a[find(K.ia, K.ja, 2, 1)] * w[3];
    free(K.a);
    return e;
}

/* The same arithmetic on a dense matrix. */
ADC_DIFF(wrt(w, x), len(w: 4, x: 3), modes(grad))
double csr_energy_twin(const double *w, const double *x) {
    double d[3][3] = {{0.0}};
    for (int e = 0; e < 4; e++) {
        int i = edges[e][0], j = edges[e][1];
        double k = w[e] * w[e] + 0.5 * sin(x[j]);
        d[i][i] += k;
        d[j][j] += k;
        d[i][j] -= k;
        d[j][i] -= 0.5 * k;
    }
    for (int i = 0; i < 3; i++)
        d[i][i] += 1.0 + x[i] * w[i];
    double s = 0.0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (i - j <= 1 && j - i <= 1) /* the pattern */
                s += x[i] * d[i][j] * x[j];
    return s + d[2][1] * w[3];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define NZ 7

double csr_energy_tangent(const double *w, const double *w_d, const double *x, const double *x_d, double *f_d);
double csr_energy_adjoint(const double *w, double *w_b, const double *x, double *x_b, double f_b);
double csr_energy_grad(const double *w, const double *x, double *w_grad, double *x_grad);
int csr_energy_hvp(const double *w, const double *w_v, double *w_hv, const double *x, const double *x_v,
                   double *x_hv);
double csr_energy_heap_tangent(const double *w, const double *w_d, const double *x, const double *x_d,
                               double *f_d);
double csr_energy_heap_adjoint(const double *w, double *w_b, const double *x, double *x_b, double f_b);
double csr_energy_heap_grad(const double *w, const double *x, double *w_grad, double *x_grad);
double csr_energy_twin_grad(const double *w, const double *x, double *w_grad, double *x_grad);

static double f(const double *z, void *p) { (void)p; return csr_energy(z, z + 4); }
static double grad(const double *z, double *g, void *p) { (void)p; return csr_energy_grad(z, z + 4, g, g + 4); }
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    return csr_energy_tangent(z, v, z + 4, v + 4, dv);
}
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    return csr_energy_adjoint(z, zb, z + 4, zb + 4, seed);
}
static int hvp(const double *z, const double *v, double *hv, void *p) {
    (void)p;
    return csr_energy_hvp(z, v, hv, z + 4, v + 4, hv + 4);
}
static double fh(const double *z, void *p) { (void)p; return csr_energy_heap(z, z + 4); }
static double grad_h(const double *z, double *g, void *p) {
    (void)p;
    return csr_energy_heap_grad(z, z + 4, g, g + 4);
}
static double tangent_h(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    return csr_energy_heap_tangent(z, v, z + 4, v + 4, dv);
}
static double adjoint_h(const double *z, double *zb, double seed, void *p) {
    (void)p;
    return csr_energy_heap_adjoint(z, zb, z + 4, zb + 4, seed);
}

int main(void) {
    e2e_begin("struct_index_members");
    double z[NZ] = {0.7, -0.4, 1.1, 0.3, 0.5, -0.8, 1.2}, g[NZ], gh[NZ], twin[NZ];
    e2e_scalar s = {.label = "local values", .n = NZ, .x = z, .f = f, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    e2e_scalar h = {.label = "heap values", .n = NZ, .x = z, .f = fh, .grad = grad_h, .tangent = tangent_h,
                    .adjoint = adjoint_h};
    e2e_run_scalar(&h, gh);
    double value = csr_energy_twin_grad(z, z + 4, twin, twin + 4);
    e2e_expect_value("twin", "dense twin computes the same value", value, f(z, NULL), E2E_EXACT_TOL);
    e2e_expect_close("twin", "gradient == dense twin's gradient", g, twin, NZ, E2E_EXACT_TOL);
    e2e_expect_close("twin", "heap gradient == dense twin's gradient", gh, twin, NZ, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
