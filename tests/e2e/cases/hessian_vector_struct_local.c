/* The dense Hessian computed with vector(2) directions of a function holding its work array in
 * a local struct of pointers (g.u = malloc(...)): the second stage's vector tangents of the
 * struct's shadow use a struct type of their own (struct grid_d2_2, the first stage's
 * struct grid_d2 being taken) that the generated file did not define, so it did not compile
 * ("variable has incomplete type 'struct grid_d2_2'", difftest seed 28 with member swaps).
 * f = p0^2 p1 p2 (through the block) + a swap of two blocks through the struct; the Hessian
 * against its closed form and against the hvp of each unit direction. */
#include <stdlib.h>
#include <adc.h>

struct grid {
    int n;
    double *u, *unew;
};

ADC_DIFF(wrt(p), len(p: 3), modes(hvp, hessian), vector(2))
double fh(const double *p)
{
    struct grid g = {3, 0, 0};
    g.u = malloc(3 * sizeof(double));
    g.unew = malloc(3 * sizeof(double));
    for (int i = 0; i < 3; i++)
        g.u[i] = p[i] * p[(i + 1) % 3];
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < 3; i++)
            g.unew[i] = g.u[(i + 1) % 3];
        double *t = g.u;
        g.u = g.unew;
        g.unew = t;
    }
    double r = g.u[2] * g.u[1]; /* three rotations: g.u[i] = p[i] p[i+1] again */
    free(g.u);
    free(g.unew);
    return r;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

int fh_hessian(const double *p, double *h);
int fh_hvp(const double *p, const double *p_v, double *p_hv);

int main(void) {
    e2e_begin("hessian_vector_struct_local");
    double p[3] = {0.7, -1.3, 2.1}, h[9];
    /* r = p2 p0 * p1 p2 = p0 p1 p2^2 */
    double want[9] = {0, p[2] * p[2], 2 * p[1] * p[2], p[2] * p[2], 0, 2 * p[0] * p[2],
                      2 * p[1] * p[2], 2 * p[0] * p[2], 2 * p[0] * p[1]};
    e2e_expect_value("fh", "hessian returns 0", fh_hessian(p, h), 0.0, 0.0);
    e2e_expect_close("fh", "Hessian vs closed form", h, want, 9, E2E_CLOSED_TOL);
    for (int k = 0; k < 3; k++) {
        double unit[3] = {0}, col[3];
        unit[k] = 1.0;
        fh_hvp(p, unit, col);
        for (int i = 0; i < 3; i++)
            e2e_expect_value("fh", "Hessian column vs hvp of the unit direction", h[i * 3 + k], col[i],
                             1e-12 * (1.0 + fabs(col[i])));
    }
    return e2e_finish();
}
#endif
