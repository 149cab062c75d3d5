/* Driver of robot_arm.c: a six-link arm with two joints past their limits. */
#include "realworld.h"

typedef struct arm {
    int n;
    double len[8];
    double lo[8], hi[8];
} arm;

double reach_cost(const arm *a, const double *q, double tx, double ty, double weight);
double reach_cost_grad(const arm *a, const double *q, double tx, double ty, double weight, double *q_grad);
double reach_cost_tangent(const arm *a, const double *q, const double *q_d, double tx, double ty,
                          double weight, double *reach_cost_d);

static double f(const double *q, void *p) {
    return reach_cost(p, q, 1.5, 2.0, 10.0);
}
static double grad(const double *q, double *g, void *p) {
    return reach_cost_grad(p, q, 1.5, 2.0, 10.0, g);
}
static double tangent(const double *q, const double *v, double *dv, void *p) {
    return reach_cost_tangent(p, q, v, 1.5, 2.0, 10.0, dv);
}

int main(void) {
    arm a = {.n = 6};
    for (int i = 0; i < 6; i++) {
        a.len[i] = 1.0 - 0.1 * i;
        a.lo[i] = -1.0;
        a.hi[i] = 1.0;
    }
    const double q[6] = {0.3, 1.2, -0.4, -1.3, 0.5, 0.2};
    rw_problem p = {"robot_arm", 6, q, f, grad, tangent, &a, 0};
    return rw_run(&p);
}
