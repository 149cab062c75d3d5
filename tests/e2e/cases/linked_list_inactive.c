/* A self-referential struct (a linked list of weights) as an inactive parameter: the list is
 * walked with a pointer while the active scalars x and y accumulate (adc once recursed forever
 * over struct node's fields). FD, tangent against adjoint, closed form. */
#include <math.h>
#include <adc.h>

struct node {
    struct node *next;
    double weight;
};

ADC_DIFF(wrt(x, y))
double linked_list_inactive(double x, double y, const struct node *list)
{
    double s = 0.0;
    const struct node *p = list;
    while (p) {
        s += p->weight * sin(x * p->weight) * y;
        p = p->next;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double linked_list_inactive_tangent(double x, double x_d, double y, double y_d,
                                    const struct node *list, double *linked_list_inactive_d);
double linked_list_inactive_adjoint(double x, double *x_b, double y, double *y_b,
                                    const struct node *list, double linked_list_inactive_b);
double linked_list_inactive_grad(double x, double y, const struct node *list, double *x_grad,
                                 double *y_grad);

static double primal(const double *v, void *list) {
    return linked_list_inactive(v[0], v[1], list);
}
static double grad(const double *v, double *g, void *list) {
    return linked_list_inactive_grad(v[0], v[1], list, &g[0], &g[1]);
}
static double tangent(const double *v, const double *dv, double *df, void *list) {
    return linked_list_inactive_tangent(v[0], dv[0], v[1], dv[1], list, df);
}
static double adjoint(const double *v, double *vb, double seed, void *list) {
    return linked_list_inactive_adjoint(v[0], &vb[0], v[1], &vb[1], list, seed);
}

int main(void) {
    e2e_begin("linked_list_inactive");
    struct node c = {NULL, 0.5}, b = {&c, -1.25}, a = {&b, 2.0};
    double v[2] = {0.3, 1.7};
    e2e_scalar s = {.label = "list of three", .n = 2, .x = v, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &a};
    e2e_run_scalar(&s, NULL);
    double g[2];
    grad(v, g, &a);
    double want[2] = {0.0, 0.0};
    for (const struct node *p = &a; p; p = p->next) {
        want[0] += p->weight * p->weight * cos(v[0] * p->weight) * v[1];
        want[1] += p->weight * sin(v[0] * p->weight);
    }
    e2e_expect_close("list of three", "gradient against the closed form", g, want, 2, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
