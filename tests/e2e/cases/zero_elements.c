/* Adjoint elements known to be zero in the backward sweep (adjoint.c): a heat-like sweep whose
 * `u[i] = centre + ...` zeroes u_b[i] and `centre = u[i]` then sets it (u_b[i] = adj, not +=),
 * next to look-alikes that must keep +=: a write to v_b[k] in between where k may equal i, and
 * an integer step undone in between (k++: u_b[k - 1] is another element before and after).
 * Negated contributions are written x_b -= v. Gradient checked against finite differences and
 * tangent vs adjoint. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double zero_elements(int n, const double *x) {
    double u[8], v[8];
    for (int i = 0; i < 8; i++) {
        u[i] = x[i % n] * x[i % n];
        v[i] = x[(i + 1) % n] + 1.0;
    }
    for (int s = 0; s < 3; s++) {
        double left = u[0];
        for (int i = 1; i < 7; i++) {
            double centre = u[i];
            u[i] = centre + 0.2 * (left - 2.0 * centre + u[i + 1]);
            left = centre;
        }
    }
    for (int i = 0; i < 8; i++) {
        int k = (3 * i) % 8;                          /* k == i for i = 0 and 4 */
        double a = v[i];
        double b = v[k];
        v[i] = a + 2.0 * b;                           /* linear: a and b not taped */
    }
    int k = 1;
    for (int r = 0; r < 3; r++) {
        double a = u[k - 1];
        k++;
        u[k - 1] = a * 1.5;                           /* u_b[k - 1] names another element after k-- */
    }
    double acc = 0.0;
    for (int i = 0; i < 8; i++)
        acc += u[i] * v[i] + u[i];
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double zero_elements_tangent(int n, const double *x, const double *x_d, double *zero_elements_d);
double zero_elements_adjoint(int n, const double *x, double *x_b, double zero_elements_b);
double zero_elements_grad(int n, const double *x, double *x_grad);

#define N 8

static double primal(const double *x, void *p) { (void)p; return zero_elements(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return zero_elements_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return zero_elements_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return zero_elements_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("zero_elements");
    double x[N];
    e2e_fill(x, N, 3301u, -1.0, 1.0);
    e2e_scalar s = {.label = "n = 8", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
