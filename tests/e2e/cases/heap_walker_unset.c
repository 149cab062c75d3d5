/* Pointers walking heap blocks that a run may leave unset (difftest seeds 9541, 2019671,
 * 2020103; README entry 88): a block and a pointer into it declared in an arm of a switch
 * that does not run, so that both are still null when the forward sweep tapes the pointer,
 * and a pointer into a block that is allocated, declared in an arm that does not run. The backward
 * sweep took a null pointer back as `blk + 0` with blk null, which C leaves undefined (clang's
 * UBSan stops there: "applying zero offset to null pointer"); now it comes back null, with no
 * arithmetic on the block. Each arm against finite differences, the dot-product test, adjoint
 * increments and hvp against finite differences of the gradient. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double unset_walkers(int n, const double *x, int arm) {
    double s = 0.0;
    double *all = malloc(n * sizeof *all);
    memcpy(all, x, n * sizeof *all);
    switch (arm) {
    case 1: {
        double *blk = malloc(n * sizeof *blk);
        for (int i = 0; i < n; i++)
            blk[i] = x[i] * x[(i + 1) % n];
        double *mid = blk + n / 2;
        s += mid[0] * sin(mid[1]);
        free(blk);
    }
        break;
    case 2: {
        const double *tail = all + n - 1;
        for (int i = 0; i < 2; i++, tail--)
            s += tail[0] * cos(s + tail[-1]);
    }
        break;
    default:
        s += x[0] * x[0];
        break;
    }
    for (int i = 0; i < n; i++)
        s += all[i] * all[(i + arm) % n];
    free(all);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double unset_walkers_tangent(int n, const double *x, const double *x_d, int arm, double *unset_walkers_d);
void unset_walkers_adjoint(int n, const double *x, double *x_b, int arm, double unset_walkers_b);
double unset_walkers_grad(int n, const double *x, int arm, double *x_grad);
int unset_walkers_hvp(int n, const double *x, const double *x_v, double *x_hv, int arm);

#define N 5

static double primal(const double *u, void *p) {
    return unset_walkers(N, u, *(int *)p);
}
static double grad(const double *u, double *g, void *p) {
    return unset_walkers_grad(N, u, *(int *)p, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    return unset_walkers_tangent(N, u, v, *(int *)p, dv);
}
static double adjoint(const double *u, double *ub, double yb, void *p) {
    unset_walkers_adjoint(N, u, ub, *(int *)p, yb);
    return primal(u, p);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    return unset_walkers_hvp(N, u, v, hv, *(int *)p);
}

int main(void) {
    e2e_begin("heap_walker_unset");
    double u[N];
    e2e_fill(u, N, 88u, -0.9, 0.9);
    for (int arm = 0; arm < 3; arm++) {
        char label[32];
        snprintf(label, sizeof label, "arm %d", arm);
        e2e_scalar s = {.label = label, .n = N, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .hvp = hvp, .ctx = &arm};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
