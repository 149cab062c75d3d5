/* A heap pointer moved through its block in the function differentiated (`w -= 2;` to index
 * it from 2, `w += 2;` back before free): its shadow moves with it in every mode, also in the
 * forward sweep of reverse mode (before, w_b stayed at the block's start: w[0] written before
 * the move and w[2] read after it had two adjoints, and the backward sweep read past the shadow
 * block) and under hvp. Tangent, adjoint, grad against finite differences and the dot-product
 * test, hvp against finite differences of the gradient. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double heap_moved_pointer(int n, const double *x)
{
    double *w = malloc((n + 1) * sizeof(double));
    w[0] = x[0] * x[1];
    w -= 2;
    for (int i = 3; i <= n + 1; i++)
        w[i] = sin(x[i - 2]) * x[i - 3];
    double s = 0.0;
    for (int i = 2; i <= n + 1; i++)
        s += w[i] * w[i] * i;
    w += 2;
    free(w);
    return s;
}
#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#define N 4
double heap_moved_pointer_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_moved_pointer_adjoint(int n, const double *x, double *x_b, double f_b);
double heap_moved_pointer_grad(int n, const double *x, double *x_grad);
double heap_moved_pointer_hvp(int n, const double *x, const double *x_v, double *x_hv);
static double primal(const double *x, void *p) { (void)p; return heap_moved_pointer(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return heap_moved_pointer_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_moved_pointer_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_moved_pointer_adjoint(N, x, xb, seed);
}
static void gradv(const double *x, double *g, void *p) {
    (void)p;
    heap_moved_pointer_grad(N, x, g);
}
int main(void) {
    e2e_begin("heap_moved_pointer");
    double x[N] = {0.4, -0.9, 1.3, 0.7}, v[N] = {0.3, -0.2, 0.5, 1.0}, hv[N];
    e2e_scalar s = {.label = "moved pointer", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    heap_moved_pointer_hvp(N, x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradv, NULL, 1e-6, &r, NULL);
    e2e_check_status("moved pointer", "hvp vs fd of grad", st, &r);
    return e2e_finish();
}
#endif
