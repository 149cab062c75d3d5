/* Driver of stable_fluids.c: an 8 x 8 grid, a swirling velocity field (inactive), 3 steps. */
#include "realworld.h"

enum { N = 8, SIZE = (N + 2) * (N + 2) };

double density_after(const double *dens0, double diff, const double *u, const double *v,
                     const double *weight, int steps);
double density_after_grad(const double *dens0, double diff, const double *u, const double *v,
                          const double *weight, int steps, double *dens0_grad, double *diff_grad);
double density_after_tangent(const double *dens0, const double *dens0_d, double diff, double diff_d,
                             const double *u, const double *v, const double *weight, int steps,
                             double *density_after_d);

typedef struct field {
    double u[SIZE], v[SIZE], weight[SIZE];
} field;

static double f(const double *x, void *p) {
    field *w = p;
    return density_after(x, x[SIZE], w->u, w->v, w->weight, 3);
}
static double grad(const double *x, double *g, void *p) {
    field *w = p;
    return density_after_grad(x, x[SIZE], w->u, w->v, w->weight, 3, g, g + SIZE);
}
static double tangent(const double *x, const double *dx, double *dv, void *p) {
    field *w = p;
    return density_after_tangent(x, dx, x[SIZE], dx[SIZE], w->u, w->v, w->weight, 3, dv);
}

int main(void) {
    static field w;
    static double x[SIZE + 1];
    for (int j = 0; j < N + 2; j++)
        for (int i = 0; i < N + 2; i++) {
            int k = i + (N + 2) * j;
            w.u[k] = 0.3 * sin(0.9 * j + 0.1);
            w.v[k] = -0.3 * cos(0.8 * i + 0.2);
            w.weight[k] = 1.0 + 0.05 * i - 0.03 * j;
            x[k] = exp(-0.2 * ((i - 4.3) * (i - 4.3) + (j - 3.7) * (j - 3.7)));
        }
    x[SIZE] = 0.05;
    /* Cells the blob barely reaches have gradients 1e-6 of the largest, where the finite
     * differences' own rounding is a few 1e-6 relative: judged at 1e-5. */
    rw_problem p = {"stable_fluids", SIZE + 1, x, f, grad, tangent, &w, 1e-5};
    return rw_run(&p);
}
