/* Hessian-vector products of a function calling a helper whose local struct's heap members are
 * swapped (difftest seeds 2001479 and 2002024 of the long run, reduced; README entry 54). In
 * adc's adjoint code read back for second order, the heap blocks carry tangents everywhere,
 * also in the copy without derivatives of the helper's forward sweep (h0_forward_k_2_primal)
 * called where its arguments are inactive: there they made the parameter k_2 active, whose
 * tangent that copy never declared ("'k_2_d' undeclared"), declared a result tangent it never
 * read ("set but not used"), and the copy taped null shadows for its blocks, which the tangent
 * of the helper's backward sweep then indexed. The copy now gives such parameters zero
 * tangents, keeps no result tangent and tapes its blocks' (zero) shadows. Gradient against FD;
 * hvp against FD of the gradient and symmetry <H u, w> = <u, H w>.
 * Needs libclang >= 17 (a macro spells operators in its body). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>
#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))
struct pt {
    double v;
    double w;
    int tag;
};
struct grid {
    int n;
    double *u, *unew;
};
static double h0(double k_2, double bound_14) {
    double t2_b = (bound_14 - (double)(float)bound_14);
    float trips = k_2;
    double *pd0 = &k_2;
    *pd0 = 0.5 * *pd0 + MIX((t2_b + 1.25), SQ(bound_14));
    char x_v[] = "xbz";
    for (int seed = 0; x_v[seed] != '\0'; seed++) {
        struct pt first = {t2_b, trips, 2};
        {
            struct grid grid0 = {3, 0, 0};
            struct grid *status = &grid0;
            status->u = malloc(3 * sizeof(double));
            status->unew = calloc(3, sizeof(double));
            for (int hessian = 0; hessian < 3; hessian++)
                status->u[hessian] = (first.w - seed * 0.3) * (hessian + 1);
            for (int t2 = 0; t2 < 2; t2++) {
                for (int hessian = 0; hessian < 3; hessian++)
                    status->unew[hessian] = 0.5 * status->u[hessian] + tanh((trips / (2.0 + t2_b * t2_b))) * status->u[(hessian + 1) % 3];
                double *adj_2 = status->u;
                status->u = status->unew;
                status->unew = adj_2;
            }
            t2_b += status->u[0] * status->unew[1];
            free(status->u);
            free(status->unew);
        }
    }
    return t2_b + (0.75 * 1.5);
}
ADC_DIFF(wrt(a0, x0, y0), len(x0: tape, y0: count), modes(tangent, adjoint, grad, hvp))
double hvp_primal_copy_heap(double a0, int tape, const double *x0, int count, double *y0) {
    double value_d = log10(1.0 + (a0 / (2.0 + x0[(tape) % tape] * x0[(tape) % tape])) * (a0 / (2.0 + x0[(tape) % tape] * x0[(tape) % tape])));
    unsigned long c0 = 3;
    int first_14 = ((c0 + tape)) % tape;
    const double *ptr0 = x0 + first_14;
    if ((x0[tape - 1] > -0.125 || y0[(0) % count] < HALF)) {
        if ((count * 0.125 < -2.0 || ptr0[((count + (c0 + tape))) % (tape - first_14)] > x0[(c0) % tape])) {
            y0[0] *= (fabs(tape * 0.125) - h0(value_d, value_d));
        }
    }
    struct pt a_d[2] = {[1] = {.tag = 1, .w = sqrt(0.5 + 1.25 * 1.25)}, [0].v = c0 * 0.125};
    float j = (h0(x0[((count + count)) % tape], ptr0[((first_14 + 3) * 2) % (tape - first_14)]) + a_d[(c0) % 2].w);
    if (j > 100.0)
        y0[0] = 0.0;
    return y0[0];
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

#define NX 3
#define NY 4
#define N (1 + NX + NY)

double hvp_primal_copy_heap_grad(double a0, int tape, const double *x0, int count, double *y0, double *a0_grad,
                                 double *x0_grad, double *y0_grad);
int hvp_primal_copy_heap_hvp(double a0, const double a0_v, double *a0_hv, int tape, const double *x0,
                             const double *x0_v, double *x0_hv, int count, double *y0, const double *y0_v,
                             double *y0_hv);

/* z = (a0, x0[0..NX), y0[0..NY) on entry) */
static double value(const double *z, void *p) {
    (void)p;
    double y[NY];
    memcpy(y, z + 1 + NX, sizeof y);
    return hvp_primal_copy_heap(z[0], NX, z + 1, NY, y);
}

static void gradient(const double *z, double *g, void *p) {
    (void)p;
    double y[NY];
    memcpy(y, z + 1 + NX, sizeof y);
    hvp_primal_copy_heap_grad(z[0], NX, z + 1, NY, y, g, g + 1, g + 1 + NX);
}

static void hessian_times(const double *z, const double *v, double *hv) {
    double y[NY];
    memcpy(y, z + 1 + NX, sizeof y);
    hv[0] = 0.0;
    e2e_expect_value("primal copy", "hvp returns 0",
                     hvp_primal_copy_heap_hvp(z[0], v[0], hv, NX, z + 1, v + 1, hv + 1, NY, y, v + 1 + NX, hv + 1 + NX),
                     0.0, 0.0);
}

int main(void) {
    e2e_begin("hvp_primal_copy_heap");
    double z[N] = {0.6, 0.9, -0.4, 1.1, 0.3, -0.7, 0.5, 0.8}, g[N], u[N], w[N], hu[N], hw[N];
    adc_check_result r;
    gradient(z, g, NULL);
    e2e_check_status("primal copy", "gradient vs finite differences",
                     adc_check_gradient(N, z, g, value, NULL, E2E_FD_TOL, &r, NULL), &r);
    e2e_fill(u, N, 81u, -1.0, 1.0);
    e2e_fill(w, N, 82u, -1.0, 1.0);
    hessian_times(z, u, hu);
    hessian_times(z, w, hw);
    int st = adc_check_tangent(N, N, z, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("primal copy", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("primal copy", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, N), e2e_dot(u, hw, N),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, N))));
    return e2e_finish();
}
#endif
