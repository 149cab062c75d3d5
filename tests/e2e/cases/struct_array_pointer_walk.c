/* A pointer walking a local array of structs (`for (pp = parts; pp < parts + N; pp++)
 * pp->v *= pp->r;`), in reverse mode: the members read through the pointer (pp->r, pp->v)
 * make the array needed by the backward sweep, and the write through it saves the value it
 * overwrites. Once silently wrong: reads through `->` did not count as reads of the array the
 * pointer walks, so the backward sweep used members of a zeroed array (the gradient lost every
 * term of the walk). s = sum_i x_i x_{i+1} (cyclic): ds/dx_k = x_{k+1} + x_{k-1}. FD, tangent
 * against grad (dot product), closed form. */
#include <adc.h>

struct particle {
    double r;
    double v;
    int id;
};

enum { NPART = 5 };

ADC_DIFF(wrt(x), len(x: n))
double struct_array_pointer_walk(int n, const double *x)
{
    struct particle parts[NPART];
    for (int i = 0; i < NPART; i++) {
        parts[i].r = x[i % n];
        parts[i].v = x[(i + 1) % n];
        parts[i].id = i;
    }
    for (struct particle *pp = parts; pp < parts + NPART; pp++)
        pp->v *= pp->r;
    double s = 0.0;
    for (int i = 0; i < NPART; i++)
        s += parts[i].v;
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_array_pointer_walk_tangent(int n, const double *x, const double *x_d, double *d);
double struct_array_pointer_walk_adjoint(int n, const double *x, double *x_b, double seed);
double struct_array_pointer_walk_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return struct_array_pointer_walk(NPART, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return struct_array_pointer_walk_grad(NPART, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return struct_array_pointer_walk_tangent(NPART, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return struct_array_pointer_walk_adjoint(NPART, x, xb, seed);
}

int main(void) {
    e2e_begin("struct_array_pointer_walk");
    double x[NPART];
    e2e_fill(x, NPART, 23u, 0.3, 1.2);
    e2e_scalar c = {.label = "walk", .n = NPART, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&c, NULL);
    double g[NPART], want[NPART];
    struct_array_pointer_walk_grad(NPART, x, g);
    for (int k = 0; k < NPART; k++)
        want[k] = x[(k + 1) % NPART] + x[(k + NPART - 1) % NPART];
    e2e_expect_close("walk", "grad against the closed form", g, want, NPART, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
