/* Driver of homework_kr.c: the four model parameters, away from the optimum. */
#include "realworld.h"

void make_data(int n);
double sse(double *p, int n);
double sse_grad(double *p, int n, double *p_grad);
double sse_tangent(double *p, double *p_d, int n, double *sse_d);

static double f(const double *x, void *ctx) {
    (void)ctx;
    double p[4] = {x[0], x[1], x[2], x[3]};
    return sse(p, 40);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    double p[4] = {x[0], x[1], x[2], x[3]};
    return sse_grad(p, 40, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    double p[4] = {x[0], x[1], x[2], x[3]}, pd[4] = {v[0], v[1], v[2], v[3]};
    return sse_tangent(p, pd, 40, dv);
}

int main(void) {
    make_data(40);
    const double x[4] = {1.5, 0.2, 0.8, 1.5};
    rw_problem p = {"homework_kr", 4, x, f, grad, tangent, NULL, 0};
    return rw_run(&p);
}
