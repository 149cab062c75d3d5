/* A self-referential struct (a linked list of indices and integer weights) walked with a
 * pointer while active array elements accumulate: adc once recursed forever over struct
 * idx's fields (type walks did not stop at a struct met inside itself). FD, tangent against
 * adjoint, closed form. */
#include <math.h>
#include <adc.h>

struct idx {
    struct idx *next;
    int at, weight;
};

ADC_DIFF(wrt(x), len(x: 4))
double linked_index_list(const double *x, const struct idx *list)
{
    double s = 0.0;
    for (const struct idx *p = list; p; p = p->next)
        s += p->weight * sin(x[p->at]) * x[(p->at + 1) % 4];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double linked_index_list_tangent(const double *x, const double *x_d, const struct idx *list,
                                 double *linked_index_list_d);
double linked_index_list_adjoint(const double *x, double *x_b, const struct idx *list,
                                 double linked_index_list_b);
double linked_index_list_grad(const double *x, const struct idx *list, double *x_grad);

static double primal(const double *x, void *list) {
    return linked_index_list(x, list);
}
static double grad(const double *x, double *g, void *list) {
    return linked_index_list_grad(x, list, g);
}
static double tangent(const double *x, const double *dx, double *df, void *list) {
    return linked_index_list_tangent(x, dx, list, df);
}
static double adjoint(const double *x, double *xb, double seed, void *list) {
    return linked_index_list_adjoint(x, xb, list, seed);
}

int main(void) {
    e2e_begin("linked_index_list");
    struct idx c = {NULL, 3, 2}, b = {&c, 0, -1}, a = {&b, 2, 3};
    double x[4] = {0.3, 1.7, -0.4, 0.9}, g[4], want[4] = {0.0};
    e2e_scalar s = {.label = "list of three", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &a};
    e2e_run_scalar(&s, NULL);
    for (const struct idx *p = &a; p; p = p->next) {
        int k = p->at, next = (k + 1) % 4;
        want[k] += p->weight * cos(x[k]) * x[next];
        want[next] += p->weight * sin(x[k]);
    }
    grad(x, g, &a);
    e2e_expect_close("list of three", "gradient against the closed form", g, want, 4, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
