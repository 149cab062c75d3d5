/* A recursive walk of a binary tree that only reads it (`visit(n->l, x) + visit(n->r, x)` in one
 * expression). The nodes are const, but their child pointers are not, so whether visit writes
 * through n was asked of visit again at each level until a depth limit answered "perhaps":
 * refused as writing through its argument in an order C leaves unspecified. The question now
 * stops where it repeats itself. Gradient and hvp checked against finite differences, tangent
 * vs adjoint, and the gradient against the closed form. */
#include <adc.h>
#include <math.h>

struct inode {
    int k;
    struct inode *l, *r;
};

static double visit(const struct inode *n, double x) {
    if (!n)
        return 0.0;
    return sin(x * n->k) + visit(n->l, x) + visit(n->r, x);
}

ADC_DIFF(wrt(x), modes(tangent, adjoint, grad, hvp))
double tree_recursion_read_only(double x, const struct inode *root) {
    return visit(root, x) * x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double tree_recursion_read_only_tangent(double x, double x_d, const struct inode *root, double *tree_recursion_read_only_d);
double tree_recursion_read_only_adjoint(double x, double *x_b, const struct inode *root, double tree_recursion_read_only_b);
double tree_recursion_read_only_grad(double x, const struct inode *root, double *x_grad);
int tree_recursion_read_only_hvp(double x, double x_v, double *x_hv, const struct inode *root);

/* 1 (2 (4, 5), 3 (-, 7)) */
static struct inode n4 = {4, 0, 0}, n5 = {5, 0, 0}, n7 = {7, 0, 0};
static struct inode n2 = {2, &n4, &n5}, n3 = {3, 0, &n7}, n1 = {1, &n2, &n3};
static const int keys[] = {1, 2, 3, 4, 5, 7};

static double primal(const double *x, void *p) { (void)p; return tree_recursion_read_only(x[0], &n1); }
static double grad(const double *x, double *g, void *p) { (void)p; return tree_recursion_read_only_grad(x[0], &n1, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return tree_recursion_read_only_tangent(x[0], v[0], &n1, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return tree_recursion_read_only_adjoint(x[0], xb, &n1, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return tree_recursion_read_only_hvp(x[0], v[0], hv, &n1);
}

int main(void) {
    e2e_begin("tree_recursion_read_only");
    double x[1] = {0.37}, g[1];
    e2e_scalar s = {.label = "tree", .n = 1, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    /* f = x sum_k sin(k x): f' = sum_k sin(k x) + x k cos(k x) */
    double want = 0.0;
    for (int i = 0; i < 6; i++)
        want += sin(keys[i] * x[0]) + x[0] * keys[i] * cos(keys[i] * x[0]);
    e2e_expect_close("tree", "gradient vs closed form", g, &want, 1, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
